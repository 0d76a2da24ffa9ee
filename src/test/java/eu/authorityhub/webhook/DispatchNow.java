package eu.authorityhub.webhook;

import java.util.concurrent.TimeUnit;

/** For tests outside the webhook package: the dispatcher's due deliveries sent now (it is off in tests). */
public final class DispatchNow {

    private DispatchNow() {
    }

    public static void deliverDue(WebhookDispatcher dispatcher) throws Exception {
        dispatcher.deliverDue().get(30, TimeUnit.SECONDS);
    }
}
