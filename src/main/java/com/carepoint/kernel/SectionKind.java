package com.carepoint.kernel;

import java.util.Arrays;
import java.util.List;

/**
 * The GP record's sections: those GP Connect's structured record divides the record into (Access Record Structured),
 * and the documents filed in the record (Access Document), which the practice shares through a capability of its
 * own. The data-sharing policy names sections by these kinds.
 */
public enum SectionKind {
    ALLERGIES("Allergies and adverse reactions"),
    MEDICATIONS("Medications"),
    PROBLEMS("Problems"),
    CONSULTATIONS("Consultations"),
    IMMUNISATIONS("Immunisations"),
    INVESTIGATIONS("Investigations and results"),
    UNCATEGORISED("Other observations"),
    REFERRALS("Referrals"),
    DIARY("Diary entries"),
    /** Documents filed in the patient's record (letters, discharge summaries, reports): GP Connect Access Document. */
    DOCUMENTS("Documents");

    /** The sections of the structured record, in order: everything but the documents. */
    public static final List<SectionKind> STRUCTURED = Arrays.stream(values()).filter(SectionKind::structured).toList();

    private final String title;

    SectionKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether the section is part of the structured record (Access Record Structured), not a document list. */
    public boolean structured() {
        return this != DOCUMENTS;
    }
}
