package com.carepoint.access;

/** The embedded sign-in's demo users (application.yml) as {@link CurrentUser}s, for tests that call services directly. */
public final class DemoUsers {

    public static final CurrentUser PARAMEDIC = new CurrentUser("paramedic", "Alex Morgan", Role.PARAMEDIC,
            new Organisation("RX9", "Northshire Ambulance Service NHS Trust", OrganisationType.AMBULANCE_TRUST),
            "555021935107", "555021936108");
    public static final CurrentUser CLINICIAN_111 = new CurrentUser("nhs111", "Priya Shah", Role.CLINICIAN_111,
            new Organisation("NL311", "Northshire NHS 111", OrganisationType.NHS_111), "555021935109", "555021936110");
    public static final CurrentUser SOCIAL_CARE = new CurrentUser("socialcare", "Tom Evans", Role.SOCIAL_CARE,
            new Organisation("LA714", "Northshire County Council Adult Social Care", OrganisationType.LOCAL_AUTHORITY),
            null, null);
    public static final CurrentUser PRIVACY_OFFICER = new CurrentUser("privacy", "Dana Whitfield",
            Role.PRIVACY_OFFICER, new Organisation("CPIG1", "Carepoint Information Governance", OrganisationType.OTHER),
            "UNK", "UNK");

    private DemoUsers() {
    }
}
