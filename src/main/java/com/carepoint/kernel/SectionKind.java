package com.carepoint.kernel;

/** The GP record's sections, as GP Connect's structured record divides them. */
public enum SectionKind {
    ALLERGIES("Allergies and adverse reactions"),
    MEDICATIONS("Medications"),
    PROBLEMS("Problems"),
    CONSULTATIONS("Consultations"),
    IMMUNISATIONS("Immunisations"),
    INVESTIGATIONS("Investigations and results"),
    UNCATEGORISED("Other observations"),
    REFERRALS("Referrals"),
    DIARY("Diary entries");

    private final String title;

    SectionKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
