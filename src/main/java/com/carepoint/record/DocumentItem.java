package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One document filed in the patient's GP record, as the practice lists it: what it is, when it was written and filed,
 * who wrote it and for which organisation, how big it is and in what format, and whether Carepoint can show it. No
 * FHIR types: {@code id} is opaque, handed out by the {@link PatientDocuments} that listed the document and handed
 * back to it to retrieve the document, for the same patient context only.
 *
 * @param title        the practice's title for the document (its description), or the type when it gave none
 * @param type         the kind of document (for example "Inpatient final discharge letter"), with its code
 * @param created      when the document was written or last edited, if the practice says
 * @param filed        when the practice added it to the patient's record
 * @param author       who wrote it (a person or an organisation), if the practice says
 * @param organisation the organisation it was written for or by (the author's), if known
 * @param custodian    the organisation that holds it, if the practice says
 * @param size         its size in bytes, as the practice states it
 * @param contentType  its format (a MIME type such as {@code application/pdf}), empty when not stated
 * @param availability whether Carepoint can retrieve and show it, and if not, why not
 * @param unavailable  the practice's own words on why the document is not available, for a placeholder
 */
public record DocumentItem(String id, String title, RecordItems.Coded type, Optional<PartialDate> created,
        Optional<PartialDate> filed, Optional<String> author, Optional<String> organisation,
        Optional<String> custodian, OptionalLong size, String contentType, Availability availability,
        Optional<String> unavailable) {

    /** Whether a document can be shown in Carepoint. */
    public enum Availability {
        /** A PDF the practice offers for retrieval, within the size GP Connect allows: Carepoint can show it. */
        VIEWABLE,
        /** The practice lists the document but has not made it available (a placeholder, with its reason). */
        NOT_AVAILABLE,
        /** Larger than GP Connect allows a document to be retrieved. */
        TOO_LARGE,
        /** In a format Carepoint does not show (only PDF documents are shown). */
        OTHER_FORMAT
    }

    /** Newest first, by the date written (else filed); documents without either date last. */
    public static final Comparator<DocumentItem> NEWEST_FIRST = Comparator.comparing(DocumentItem::date,
            (a, b) -> a.isPresent() && b.isPresent() ? b.get().compareTo(a.get())
                    : Boolean.compare(b.isPresent(), a.isPresent()));

    /** The date shown for the document: when it was written, else when it was filed. */
    public Optional<PartialDate> date() {
        return created.or(() -> filed);
    }

    public boolean viewable() {
        return availability == Availability.VIEWABLE;
    }

    /** The format in words: "PDF", "Word document", ... or the MIME type itself; "format not stated" when empty. */
    public String format() {
        String type = contentType.toLowerCase(Locale.UK).replaceFirst(";.*$", "").trim();
        return switch (type) {
            case "" -> "format not stated";
            case "application/pdf" -> "PDF";
            case "application/msword",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word document";
            case "application/rtf", "text/rtf" -> "Rich text document";
            case "text/plain" -> "Text file";
            case "text/html" -> "Web page";
            case "image/jpeg", "image/png", "image/tiff", "image/gif", "image/bmp" -> "Image";
            default -> type;
        };
    }

    /** The size in words ("3.6 KB", "1.2 MB"), or "size not stated". */
    public String sizeText() {
        if (size.isEmpty()) {
            return "size not stated";
        }
        long bytes = size.getAsLong();
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.UK, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
