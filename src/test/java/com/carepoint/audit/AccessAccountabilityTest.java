package com.carepoint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.Application;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.access.Organisation;
import com.carepoint.kernel.TaggedPdf;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accountability built on the audit trail, in real PostgreSQL: the emergency-access review queue (reviews audited,
 * once each), the patient transparency report (12 months, by organisation, page data and PDF) and first-access
 * notifications per practice. Each test uses its own synthetic NHS number so they can share the database.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessAccountabilityTest {

    static final CurrentUser PARAMEDIC = DemoUsers.PARAMEDIC;
    static final CurrentUser CLINICIAN_111 = DemoUsers.CLINICIAN_111;
    static final CurrentUser PRIVACY = DemoUsers.PRIVACY_OFFICER;

    @Autowired
    AccessAudit access;
    @Autowired
    AuditTrail trail;
    @Autowired
    EmergencyAccessReviews reviews;
    @Autowired
    TransparencyReport reports;
    @Autowired
    PracticeNotifications notifications;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEmergencyAccessAwaitsReviewUntilReviewedOnceWithAnAuditedComment() {
        long id = access.emergencyAccess(PARAMEDIC, "9990000042", "Unconscious after a road traffic collision",
                "A20047").orElseThrow();
        assertThat(reviews.queue(false)).anySatisfy(i -> {
            assertThat(i.auditEventId()).isEqualTo(id);
            assertThat(i.justification()).isEqualTo("Unconscious after a road traffic collision");
            assertThat(i.review()).isEmpty();
        });
        long awaiting = reviews.awaitingReview();

        assertThatThrownBy(() -> reviews.markReviewed(id, PRIVACY, " ok "))
                .isInstanceOf(EmergencyAccessReviews.ReviewRefused.class).hasMessageContaining("at least 5");
        reviews.markReviewed(id, PRIVACY, "Justified: confirmed with the crew's incident record");
        assertThat(reviews.awaitingReview()).isEqualTo(awaiting - 1);
        assertThat(reviews.queue(false)).noneMatch(i -> i.auditEventId() == id);
        assertThat(reviews.queue(true)).anySatisfy(i -> {
            assertThat(i.auditEventId()).isEqualTo(id);
            assertThat(i.review()).hasValueSatisfying(r -> {
                assertThat(r.reviewerName()).isEqualTo("Dana Whitfield");
                assertThat(r.comment()).isEqualTo("Justified: confirmed with the crew's incident record");
            });
        });
        assertThatThrownBy(() -> reviews.markReviewed(id, PRIVACY, "A second opinion"))
                .isInstanceOf(EmergencyAccessReviews.ReviewRefused.class).hasMessageContaining("already reviewed");
        assertThatThrownBy(() -> reviews.markReviewed(Long.MAX_VALUE, PRIVACY, "No such access"))
                .isInstanceOf(EmergencyAccessReviews.ReviewRefused.class);
        // Exactly one audited review, and the chain still verifies.
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'AUDIT_REVIEW' and detail = ?")
                .param("Emergency access #" + id + " marked reviewed").query(Long.class).single()).isEqualTo(1);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theTransparencyReportListsEachOrganisationWhenWhyAndWhatOverTwelveMonths() throws Exception {
        String nhs = "9990000050";
        // Thirteen months ago: outside the report.
        trail.record(new AuditEvent(Instant.now().minus(400, ChronoUnit.DAYS), CLINICIAN_111, Optional.of(nhs),
                AuditAction.RECORD_VIEW, "GP record opened", Optional.of("NHS 111 call"), "opened at A20047",
                UUID.randomUUID().toString()));
        access.recordViewed(PARAMEDIC, nhs, Optional.of("Ambulance attendance"), "opened at A20047");
        access.sectionViewed(PARAMEDIC, nhs, "Allergies and adverse reactions (first screen)",
                Optional.of("Ambulance attendance"), 1, Optional.empty(), "t1");
        access.sectionViewed(PARAMEDIC, nhs, "Allergies and adverse reactions (full)",
                Optional.of("Ambulance attendance"), 1, Optional.empty(), "t2");
        access.sectionViewed(PARAMEDIC, nhs, "Consultations (first screen)", Optional.of("Ambulance attendance"),
                0, Optional.of("TIMEOUT"), "t3");
        access.recordViewed(CLINICIAN_111, nhs, Optional.of("Emergency access: Caller unresponsive on the phone line"),
                "opened at A20047");
        access.sectionViewed(CLINICIAN_111, nhs, "Medications (first screen)",
                Optional.of("Emergency access: Caller unresponsive on the phone line"), 3, Optional.empty(), "t4");
        // A social care worker's opening of the record of a sensitive patient: nothing requested, nothing shown.
        access.recordNotRequested(DemoUsers.SOCIAL_CARE, nhs, "sensitive patient");
        // Another patient's views never appear.
        access.recordViewed(PARAMEDIC, "9990000069", Optional.of("Ambulance attendance"), "opened at A20047");

        TransparencyReport.Report report = reports.forPatient(nhs);
        assertThat(report.accesses()).hasSize(3);
        assertThat(report.organisations()).extracting(TransparencyReport.Organisation::orgOds)
                .containsExactlyInAnyOrder("RX9", "NL311", "LA714");
        assertThat(report.accesses()).filteredOn(a -> a.orgOds().equals("LA714")).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("No GP record information shown (sensitive patient)");
            assertThat(a.sectionsShown()).isEmpty();
        });
        TransparencyReport.Access ambulance = report.accesses().stream().filter(a -> a.orgOds().equals("RX9"))
                .findFirst().orElseThrow();
        assertThat(ambulance.reason()).isEqualTo("Ambulance attendance");
        assertThat(ambulance.sectionsShown()).containsExactly("Allergies and adverse reactions");
        assertThat(ambulance.emergency()).isFalse();
        TransparencyReport.Access nhs111 = report.accesses().stream().filter(a -> a.orgOds().equals("NL311"))
                .findFirst().orElseThrow();
        assertThat(nhs111.emergency()).isTrue();
        assertThat(nhs111.reason()).isEqualTo("Caller unresponsive on the phone line");
        assertThat(nhs111.sectionsShown()).containsExactly("Medications");
        assertThat(report.organisations()).filteredOn(o -> o.orgOds().equals("NL311"))
                .singleElement().satisfies(o -> {
                    assertThat(o.accesses()).isEqualTo(1);
                    assertThat(o.anyEmergency()).isTrue();
                });

        byte[] pdf = TransparencyReportPdf.render(report);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("999 000 0050", "Northshire Ambulance Service NHS Trust (RX9)",
                    "Northshire NHS 111 (NL311)", "Ambulance attendance", "Emergency access.",
                    "Caller unresponsive on the phone line", "Allergies and adverse reactions")
                    .doesNotContain("Alex Morgan", "Priya Shah");
        }
        // A tagged PDF (PDF/UA-1): a screen reader reads the title, the headings and each table's rows and headers.
        assertThat(TaggedPdf.assertPdfUa(pdf, "GP record access report").structureTypes)
                .containsSubsequence("H1", "P", "H2", "Table", "TR", "TH", "TR", "TD");
    }

    @Test
    void anEmptyReportSaysSoAndHostileTextCannotBreakThePdf() throws Exception {
        assertThat(reports.forPatient("9990000077").organisations()).isEmpty();
        String nhs = "9990000093";
        access.recordViewed(PARAMEDIC, nhs, Optional.of("Other: <script>alert('x')</script> & \"quotes\" \u2013 "
                + "\u201ccurly\u201d"), "opened at A20047");
        byte[] pdf = TransparencyReportPdf.render(reports.forPatient(nhs));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // The text as typed, escaped rather than interpreted (line wrapping aside).
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
                    .contains("<script>alert('x')</script>&\"quotes\"\u2013\u201ccurly\u201d");
        }
    }

    @Test
    void anOverLongReviewCommentIsRefusedOnTheServerAndNothingIsStored() {
        Long id = access.emergencyAccess(CLINICIAN_111, "9990000133", "Caller unresponsive on the phone line", "A20047")
                .orElseThrow();
        assertThatThrownBy(() -> reviews.markReviewed(id, PRIVACY, "x".repeat(EmergencyAccessReviews.MAX_COMMENT + 1)))
                .isInstanceOf(EmergencyAccessReviews.ReviewRefused.class).hasMessageContaining("2000 characters");
        assertThat(reviews.markReviewed(id, PRIVACY, "Justified: caller unresponsive").comment())
                .isEqualTo("Justified: caller unresponsive");
    }

    @Test
    void aLongUnbrokenTokenWrapsInsideThePage() throws Exception {
        String nhs = "9990000125";
        access.recordViewed(PARAMEDIC, nhs, Optional.of("Other: " + "x".repeat(900)), "opened at A20047");
        byte[] pdf = TransparencyReportPdf.render(reports.forPatient(nhs));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            float pageWidth = doc.getPage(0).getMediaBox().getWidth();
            float[] rightmost = {0};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    positions.forEach(p -> rightmost[0] = Math.max(rightmost[0], p.getXDirAdj() + p.getWidthDirAdj()));
                    super.writeString(text, positions);
                }
            };
            String text = stripper.getText(doc);
            // All of it is there (wrapped over several lines of its cell), and none of it past the page's edge.
            assertThat(text.chars().filter(c -> c == 'x').count()).isGreaterThanOrEqualTo(900);
            assertThat(rightmost[0]).as("rightmost text on a page %s points wide", pageWidth).isLessThan(pageWidth);
        }
    }

    @Test
    void onlyAnOrganisationsFirstAccessToAPracticeMakesANotification() {
        String practice = "N" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        assertThat(notifications.accessed(PARAMEDIC, practice, "Test Practice", "trace-1")).isTrue();
        assertThat(notifications.accessed(PARAMEDIC, practice, "Test Practice", "trace-2")).isFalse();
        assertThat(notifications.accessed(CLINICIAN_111, practice, "Test Practice", "trace-3")).isTrue();
        assertThat(notifications.list(Optional.of(practice.toLowerCase()))).hasSize(2)
                .anySatisfy(n -> {
                    assertThat(n.orgOds()).isEqualTo("RX9");
                    assertThat(n.traceId()).isEqualTo("trace-1");
                    assertThat(n.orgType()).isEqualTo("AMBULANCE_TRUST");
                });
    }
}
