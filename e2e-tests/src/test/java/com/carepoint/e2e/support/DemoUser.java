package com.carepoint.e2e.support;

/** The embedded sign-in's demo users (see application.yml), as the browser tests expect to see them. */
public enum DemoUser {
    PARAMEDIC("paramedic", "Alex Morgan", "Paramedic", "Northshire Ambulance Service NHS Trust (RX9)"),
    NHS_111("nhs111", "Priya Shah", "NHS 111 clinician", "Northshire NHS 111 (NL311)"),
    SOCIAL_CARE("socialcare", "Tom Evans", "Social care worker", "Northshire County Council Adult Social Care (LA714)"),
    PRIVACY_OFFICER("privacy", "Dana Whitfield", "Privacy officer", "Carepoint Information Governance (CPIG1)");

    public static final String PASSWORD = "carepoint-demo";

    public final String username;
    public final String displayName;
    public final String role;
    public final String organisation;

    DemoUser(String username, String displayName, String role, String organisation) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.organisation = organisation;
    }
}
