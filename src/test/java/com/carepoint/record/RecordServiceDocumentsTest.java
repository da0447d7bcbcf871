package com.carepoint.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.AccessReason;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.audit.AccessAudit;
import com.carepoint.audit.PracticeNotifications;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The use case "look at a patient's documents": every list and every retrieval is audited with its outcome (the
 * patient's transparency report shows them as section views), within the user's policy, and the practice is told of
 * an organisation's first access as for any part of the record.
 */
class RecordServiceDocumentsTest {

    static final AccessReason REASON = AccessReason.directCare("Ambulance attendance");
    static final DocumentItem PDF = new DocumentItem("d1", "Discharge summary", new RecordItems.Coded(
            "Inpatient final discharge letter", Optional.of("824331000000106")),
            Optional.of(PartialDate.of(LocalDate.of(2026, 11, 30))), Optional.empty(), Optional.of("Dr A Smith"),
            Optional.of("Northshire General Hospital"), Optional.empty(), OptionalLong.of(2048), "application/pdf",
            DocumentItem.Availability.VIEWABLE, Optional.empty());

    final List<String> audited = new CopyOnWriteArrayList<>();
    final List<String> notified = new CopyOnWriteArrayList<>();
    final AccessAudit audit = new AccessAudit(null) {
        @Override
        public void sectionViewed(CurrentUser user, String nhsNumber, String section, Optional<String> reason,
                int items, Optional<String> problem, String traceId) {
            audited.add(nhsNumber + " | " + section + " | " + reason.orElse("") + " | " + items + " | "
                    + problem.orElse("shown") + " | " + traceId);
        }

        @Override
        public void documentRetrieved(CurrentUser user, String nhsNumber, String document, Optional<String> reason,
                long bytes, Optional<String> problem, String traceId) {
            audited.add(nhsNumber + " | " + document + " | " + reason.orElse("") + " | " + bytes + " | "
                    + problem.orElse("shown") + " | " + traceId);
        }
    };
    final PracticeNotifications notifications = new PracticeNotifications(null) {
        @Override
        public boolean accessed(CurrentUser user, String practiceOds, String practiceName, String traceId) {
            notified.add(practiceOds + " " + user.organisation().odsCode());
            return true;
        }
    };

    static TracedPatient patient() {
        NhsNumber nhs = NhsNumber.parse("9990000018").orElseThrow();
        return new TracedPatient(nhs, nhs, "Mrs", List.of("Susan"), "Hargreaves", "female", LocalDate.of(1961, 1, 4),
                Optional.empty(), false, List.of(), "NS1 1AA", Optional.empty(), Optional.of("A20047"));
    }

    RecordService service(PatientDocuments documents) {
        RecordAccess access = new RecordAccess(RecordAccessTest.POLICY, (c, kind, request) -> {
            throw new AssertionError("the structured record is not asked for documents");
        }, documents);
        return new RecordService(access, audit, notifications);
    }

    static final class Documents implements PatientDocuments {
        volatile RetrievedDocument answer = RetrievedDocument.of(new byte[] {'%', 'P', 'D', 'F', '-', '1'},
                "application/pdf", "trace-retrieve");

        @Override
        public FetchedSection list(PatientContext context) {
            return new FetchedSection(Section.loaded(SectionKind.DOCUMENTS, List.of(PDF), List.of(), List.of()),
                    Optional.of(new RecordSource("Riverside Surgery", "A20047", "GP Connect Access Document",
                            Instant.EPOCH)), "trace-list");
        }

        @Override
        public RetrievedDocument retrieve(PatientContext context, DocumentItem document) {
            return answer;
        }
    }

    @Test
    void eachListIsAuditedAsTheDocumentsSectionAndThePracticeToldOfAFirstAccess() {
        RecordService records = service(new Documents());
        PatientContext context = PatientContext.open(DemoUsers.PARAMEDIC, patient());
        FetchedSection fetched = records.documents(context, REASON);
        assertThat(List.<Object>copyOf(fetched.section().items())).containsExactly(PDF);
        records.documents(context, REASON);
        assertThat(audited).containsExactly(
                "9990000018 | Documents (full) | Ambulance attendance | 1 | shown | trace-list",
                "9990000018 | Documents (full) | Ambulance attendance | 1 | shown | trace-list");
        assertThat(notified).containsExactly("A20047 RX9");
    }

    @Test
    void eachRetrievalIsAuditedWithWhatTheDocumentIsAndTheOutcome() {
        Documents documents = new Documents();
        RecordService records = service(documents);
        PatientContext context = PatientContext.open(DemoUsers.PARAMEDIC, patient());
        RetrievedDocument shown = records.document(context, PDF, REASON);
        assertThat(shown.content()).isPresent();
        documents.answer = RetrievedDocument.failed(new RecordProblem(RecordProblem.Kind.DOCUMENT_NOT_FOUND, "gone",
                "list again", "trace-gone"));
        RetrievedDocument gone = records.document(context, PDF, REASON);
        assertThat(gone.problem()).isPresent();
        assertThat(audited).containsExactly(
                "9990000018 | Document: Discharge summary (Inpatient final discharge letter, 30-Nov-2026) | "
                        + "Ambulance attendance | 6 | shown | trace-retrieve",
                "9990000018 | Document: Discharge summary (Inpatient final discharge letter, 30-Nov-2026) | "
                        + "Ambulance attendance | 0 | DOCUMENT_NOT_FOUND | trace-gone");
    }

    @Test
    void aRoleWithoutDocumentsIsRefusedAndTheRefusalAudited() {
        RecordService records = service(new Documents());
        PatientContext context = PatientContext.open(DemoUsers.SOCIAL_CARE, patient());
        assertThat(records.documents(context, REASON).section().problem()).hasValueSatisfying(p ->
                assertThat(p.kind()).isEqualTo(RecordProblem.Kind.NOT_PERMITTED));
        assertThat(records.document(context, PDF, REASON).problem()).hasValueSatisfying(p ->
                assertThat(p.kind()).isEqualTo(RecordProblem.Kind.NOT_PERMITTED));
        assertThat(audited).hasSize(2).allMatch(a -> a.contains("NOT_PERMITTED"));
        assertThat(notified).isEmpty();
    }

    @Test
    void aLongTitleIsShortenedInTheAuditTrail() {
        DocumentItem longTitle = new DocumentItem("d2", "x".repeat(300), PDF.type(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                "application/pdf", DocumentItem.Availability.VIEWABLE, Optional.empty());
        assertThat(RecordService.describe(longTitle)).isEqualTo("Document: " + "x".repeat(119) + "… ("
                + "Inpatient final discharge letter)");
    }
}
