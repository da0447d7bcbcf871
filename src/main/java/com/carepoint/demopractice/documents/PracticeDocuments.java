package com.carepoint.demopractice.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents in the demo practices' patient records, in memory and bounded: the pre-existing synthetic ones
 * and those the practices' GP systems file from Send Document messages. Archived (replaced) documents are dropped
 * first when the bound is reached; if the store is still full, filing fails and the GP system tries again later.
 */
public final class PracticeDocuments {

    /** No room to file another document. */
    public static final class Full extends Exception {
        private static final long serialVersionUID = 1L;

        Full() {
            super("The demo practices' document store is full", null, false, false);
        }
    }

    private final Map<String, FiledDocument> documents = new LinkedHashMap<>();
    private final int maxDocuments;

    public PracticeDocuments(int maxDocuments, List<FiledDocument> preExisting) {
        this.maxDocuments = maxDocuments;
        preExisting.forEach(d -> documents.put(d.id(), d));
    }

    public synchronized void file(FiledDocument document) throws Full {
        if (documents.size() >= maxDocuments) {
            documents.values().stream().filter(d -> !d.current()).findFirst()
                    .ifPresent(d -> documents.remove(d.id()));
        }
        if (documents.size() >= maxDocuments) {
            throw new Full();
        }
        documents.put(document.id(), document);
    }

    /**
     * Files a replacement and archives the document it replaces (Send Document, GPCM-SD-023: the receiver "MUST
     * process the replacement document and archive the replaced document").
     */
    public synchronized void fileReplacing(FiledDocument document, FiledDocument replaced) throws Full {
        file(document);
        documents.put(replaced.id(), replaced.replacedBy(document.id()));
    }

    /** The practice's current documents for a patient, newest first. */
    public synchronized List<FiledDocument> current(String practiceOds, String nhsNumber) {
        List<FiledDocument> found = new ArrayList<>();
        for (FiledDocument d : documents.values()) {
            if (d.practiceOds().equals(practiceOds) && d.nhsNumber().equals(nhsNumber) && d.current()) {
                found.add(d);
            }
        }
        found.sort(Comparator.comparing(FiledDocument::indexed).reversed());
        return found;
    }

    public synchronized Optional<FiledDocument> get(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    /** The document a practice filed from this ITK message, if it has filed it (the duplicate check). */
    public synchronized Optional<FiledDocument> bySourceMessage(String practiceOds, String messageHeaderId) {
        return documents.values().stream()
                .filter(d -> d.practiceOds().equals(practiceOds) && messageHeaderId.equals(d.sourceMessageId()))
                .findFirst();
    }

    /** The practice's current document that has this identifier at its sender (a replacement's target). */
    public synchronized Optional<FiledDocument> byDocumentIdentifier(String practiceOds, String identifier) {
        return documents.values().stream()
                .filter(d -> d.practiceOds().equals(practiceOds) && d.current())
                .filter(d -> identifier.equals(d.documentIdentifier()))
                .findFirst();
    }

    /** Documents that came in by MESH, newest first (for tests and the demo's own views). */
    public synchronized List<FiledDocument> filedFromMessages(String practiceOds) {
        return documents.values().stream()
                .filter(d -> d.practiceOds().equals(practiceOds) && d.sourceMessageId() != null)
                .sorted(Comparator.comparing(FiledDocument::indexed).reversed())
                .toList();
    }
}
