package eu.authorityhub.deadline;

/** For tests outside the deadline package: the indicator gauges refreshed now rather than at the next schedule. */
public final class IndicatorsNow {

    private IndicatorsNow() {
    }

    public static void refresh(IndicatorService indicators) {
        indicators.refreshGauges();
    }
}
