package eu.authorityhub.security;

/** The role names the hub reads from the token's role claim ({@code groups} by default). */
public final class Roles {

    public static final String HUB_ADMIN = "hub-admin";
    public static final String AUTHORITY_ADMIN = "authority-admin";
    public static final String CASE_HANDLER = "case-handler";
    public static final String COORDINATOR = "coordinator";
    public static final String BACK_OFFICE = "back-office";
    /** Decides on the blocked personal data of its authority's cases (IMI Regulation Art. 14, GDPR Art. 15). */
    public static final String DATA_PROTECTION_OFFICER = "data-protection-officer";

    private Roles() {
    }
}
