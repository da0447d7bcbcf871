package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.record.FetchedSection;
import com.carepoint.record.PatientContext;
import com.carepoint.record.RecordItems;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.Section;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.Demographics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Carepoint's GP Connect consumer against the demo practices over real HTTP: every documented patient traced and
 * their record requested exactly as the record view does, and each section mapped into domain records.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GpConnectRecordsTest {

    static final CurrentUser PARAMEDIC = DemoUsers.PARAMEDIC;
    static final CurrentUser SOCIAL_WORKER = DemoUsers.SOCIAL_CARE;

    @Autowired
    Demographics demographics;
    @Autowired
    GpConnectRecords records;

    record Row(String nhs, String structured) {
        @Override
        public String toString() {
            return nhs + " " + structured;
        }
    }

    static Stream<Row> documented() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("docs", "demo-data.md"))) {
            if (line.startsWith("## ")) {
                in = line.equals("## Patients");
            }
            if (in && line.matches("\\| 999 \\d{3} \\d{4} \\|.*")) {
                String[] c = line.split("\\|");
                rows.add(new Row(c[1].replace(" ", ""), c[5].trim()));
            }
        }
        return rows.stream().filter(r -> !r.structured().contains("large"));
    }

    TracedPatient trace(String nhs) {
        return demographics.trace(NhsNumber.parse(nhs).orElseThrow()).orElseThrow();
    }

    Section<?> fetch(CurrentUser user, String nhs, SectionKind kind, SectionRequest request) {
        return records.fetch(PatientContext.open(user, trace(nhs)), kind, request).section();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documented")
    void everyDocumentedPatientGivesTheExpectedOutcome(Row row) {
        TracedPatient patient = trace(row.nhs());
        if (patient.sensitive() || patient.isDeceased()) {
            // The record view never asks: checked in the browser tests; the provider's answer is in DemoPatientsTest.
            return;
        }
        Section<?> allergies = records.fetch(PatientContext.open(PARAMEDIC, patient), SectionKind.ALLERGIES,
                SectionRequest.FIRST_SCREEN).section();
        String expected = row.structured();
        if (expected.contains("another patient's")) {
            // The practice answers with someone else's record: nothing from it, and the reason said plainly.
            assertThat(allergies.problem()).hasValueSatisfying(p -> assertThat(p.kind())
                    .isEqualTo(RecordProblem.Kind.WRONG_PATIENT));
            assertThat(allergies.items()).isEmpty();
        } else if (expected.startsWith("record") || expected.equals("PATIENT_NOT_FOUND")) {
            // A superseded number is traced to the current one, whose record the practice has.
            assertThat(allergies.problem()).as(row.toString()).isEmpty();
        } else {
            RecordProblem.Kind kind = switch (expected) {
                case "NO_PATIENT_CONSENT" -> RecordProblem.Kind.PATIENT_DISSENT;
                case "ACCESS DENIED" -> RecordProblem.Kind.PRACTICE_NOT_SHARING;
                case "no endpoint" -> RecordProblem.Kind.NOT_CONNECTED;
                default -> throw new AssertionError(expected);
            };
            assertThat(allergies.problem()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(kind));
        }
    }

    @Test
    void aPracticeRefusingTheUsersOrganisationIsSaidPlainly() {
        Section<?> s = fetch(SOCIAL_WORKER, "9990001138", SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN);
        assertThat(s.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.ORGANISATION_REFUSED);
            assertThat(p.message()).contains("has not agreed to share records with your organisation");
        });
    }

    @Test
    void allergiesKeepTheirExactRecordedState() {
        Section<RecordItems.Allergy> nka = cast(fetch(PARAMEDIC, "9990000220", SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN));
        assertThat(nka.items()).singleElement().satisfies(a -> assertThat(a.noKnownAllergies()).isTrue());
        Section<RecordItems.Allergy> none = cast(fetch(PARAMEDIC, "9990000298", SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN));
        assertThat(none.items()).isEmpty();
        assertThat(none.notes()).containsExactly("Information not available");
        Section<RecordItems.Allergy> full = cast(fetch(PARAMEDIC, "9990000360", SectionKind.ALLERGIES, SectionRequest.FULL));
        assertThat(full.items()).extracting(RecordItems.Allergy::active).containsExactlyInAnyOrder(true, false, false);
        assertThat(full.items()).filteredOn(a -> !a.active()).anySatisfy(a ->
                assertThat(a.endReason()).hasValue("Tolerated amoxicillin in hospital challenge test"));
    }

    @Test
    void medicationsWithTypeAndLastIssue() {
        Section<RecordItems.Medication> meds = cast(fetch(PARAMEDIC, "9990000018", SectionKind.MEDICATIONS, SectionRequest.FULL));
        RecordItems.Medication amlodipine = meds.items().stream()
                .filter(m -> m.what().display().startsWith("Amlodipine")).findFirst().orElseThrow();
        assertThat(amlodipine.current()).isTrue();
        assertThat(amlodipine.prescriptionType()).isEqualTo("repeat");
        assertThat(amlodipine.lastIssued()).hasValueSatisfying(d -> assertThat(d.display()).isEqualTo("02-Nov-2026"));
        assertThat(amlodipine.issues()).hasSize(5);
        assertThat(amlodipine.what().snomedCode()).hasValue("319283006");
        assertThat(meds.items().getFirst().current()).isTrue();
    }

    @Test
    void consultationsCarryTheirHeadingsAndEntries() {
        Section<RecordItems.Consultation> c = cast(fetch(PARAMEDIC, "9990001065", SectionKind.CONSULTATIONS, SectionRequest.FIRST_SCREEN));
        assertThat(c.items()).hasSize(2);
        RecordItems.Consultation latest = c.items().getFirst();
        assertThat(latest.when().display()).isEqualTo("30-Oct-2026 15:40");
        assertThat(latest.clinician()).hasValue("Dr Helen Marsh");
        assertThat(latest.topics()).singleElement().satisfies(t -> {
            assertThat(t.headings()).extracting(RecordItems.Heading::name).contains("History", "Discussion", "Plan");
            assertThat(t.headings().stream().flatMap(h -> h.entries().stream()))
                    .anyMatch(e -> e.contains("does NOT want his daughter (Claire) told yet"));
        });
    }

    @Test
    void aConsultationAboutTwoTopicsKeepsEachTopicsOwnHeadings() {
        Section<RecordItems.Consultation> c = cast(fetch(PARAMEDIC, "9990000018", SectionKind.CONSULTATIONS, SectionRequest.FIRST_SCREEN));
        RecordItems.Consultation latest = c.items().getFirst();
        assertThat(latest.when().dateOnly()).isEqualTo("10-Nov-2026");
        assertThat(latest.topics()).extracting(RecordItems.Topic::title)
                .containsExactly("Anxiety with depression", "Swollen legs");
        assertThat(latest.topics().get(0).headings()).extracting(RecordItems.Heading::name).containsExactly("History", "Plan");
        assertThat(latest.topics().get(1).headings()).extracting(RecordItems.Heading::name)
                .containsExactly("History", "Examination", "Plan");
        assertThat(latest.summary()).isEqualTo("Anxiety with depression; Swollen legs");
    }

    @Test
    void theRegisteredPracticeIsNamedNotTheFirstOrganizationInTheAnswer() {
        FetchedSection f = records.fetch(PatientContext.open(PARAMEDIC, trace("9990000018")), SectionKind.ALLERGIES,
                SectionRequest.FIRST_SCREEN);
        assertThat(f.source()).hasValueSatisfying(s -> assertThat(s.practiceName()).isEqualTo("Riverside Medical Practice"));
    }

    @Test
    void aSectionThePracticesSystemDoesNotProvideIsSaidSoNotShownAsEmpty() {
        Section<?> diary = fetch(PARAMEDIC, "9990001626", SectionKind.DIARY, SectionRequest.FULL);
        assertThat(diary.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.NOT_PROVIDED_BY_SYSTEM);
            assertThat(p.message()).contains("does not share diary entries").contains("does not mean there are none");
        });
    }

    @Test
    void aPracticeReportingAnOlderVersionStillGivesItsRecord() {
        // Castle Street implements 1.6 but its CapabilityStatement says 1.5.0: Carepoint sends the bare scope.
        Section<RecordItems.Allergy> s = cast(fetch(PARAMEDIC, "9990002258", SectionKind.ALLERGIES, SectionRequest.FULL));
        assertThat(s.problem()).isEmpty();
        assertThat(s.items()).extracting(a -> a.what().display()).contains("Allergy to penicillin");
    }

    @Test
    void everyOtherSectionMaps() {
        assertThat(cast(fetch(PARAMEDIC, "9990000018", SectionKind.PROBLEMS, SectionRequest.FULL)).items())
                .hasSizeGreaterThanOrEqualTo(5);
        Section<RecordItems.Investigation> inv = cast(fetch(PARAMEDIC, "9990000018", SectionKind.INVESTIGATIONS, SectionRequest.FULL));
        assertThat(inv.items()).anySatisfy(i -> assertThat(i.allResults()).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo("5.4 mmol/L");
            assertThat(r.flag()).hasValue("High");
        }));
        assertThat(inv.items()).anySatisfy(i -> {
            assertThat(i.what().display()).isEqualTo("Full blood count");
            assertThat(i.groups()).singleElement().satisfies(g -> {
                assertThat(g.name().display()).isEqualTo("Full blood count");
                assertThat(g.results()).extracting(r -> r.test().display() + ": " + r.value())
                        .contains("Haemoglobin estimation: 131 g/L");
            });
            assertThat(i.comments()).containsExactly("Normal - no action");
        });
        Section<RecordItems.Observation> obs = cast(fetch(PARAMEDIC, "9990000018", SectionKind.UNCATEGORISED, SectionRequest.FULL));
        assertThat(obs.items()).anySatisfy(o -> assertThat(o.value()).isEqualTo("138/84 mmHg"));
        Section<RecordItems.Immunisation> imm = cast(fetch(PARAMEDIC, "9990000085", SectionKind.IMMUNISATIONS, SectionRequest.FULL));
        assertThat(imm.items()).anySatisfy(i -> assertThat(i.notGiven()).isTrue());
        Section<RecordItems.Referral> ref = cast(fetch(PARAMEDIC, "9990001065", SectionKind.REFERRALS, SectionRequest.FULL));
        assertThat(ref.items()).extracting(RecordItems.Referral::priority).contains("urgent (two-week wait)");
        Section<RecordItems.DiaryEntry> diary = cast(fetch(PARAMEDIC, "9990000018", SectionKind.DIARY, SectionRequest.FULL));
        assertThat(diary.items()).singleElement().satisfies(d -> assertThat(d.note()).hasValue("Review knee pain and repeat potassium"));
    }

    @Test
    void problemsCarryTheirSignificance() {
        Section<RecordItems.Problem> p = cast(fetch(PARAMEDIC, "9990000018", SectionKind.PROBLEMS, SectionRequest.FULL));
        assertThat(p.items()).filteredOn(x -> x.what().display().equals("Essential hypertension"))
                .singleElement().satisfies(x -> assertThat(x.significance()).isEqualTo("major"));
        assertThat(p.items()).filteredOn(x -> x.what().display().equals("Osteoarthritis of knee"))
                .singleElement().satisfies(x -> assertThat(x.significance()).isEqualTo("minor"));
    }

    @Test
    void warningsReachTheSectionInPlainEnglish() {
        Section<?> transit = fetch(PARAMEDIC, "9990000999", SectionKind.MEDICATIONS, SectionRequest.FIRST_SCREEN);
        assertThat(transit.warnings()).anyMatch(w -> w.contains("has not fully arrived"));
        Section<?> confidential = fetch(PARAMEDIC, "9990000921", SectionKind.PROBLEMS, SectionRequest.FULL);
        assertThat(confidential.warnings()).anyMatch(w -> w.contains("confidential"));
    }

    @Test
    void aPracticeSplittingItsEndpointsIsCalledAtTheStructuredOne() {
        // Moorside (GP Connect 1.5) serves the structured record at its own root and rejects conf/N scopes.
        Section<?> s = fetch(PARAMEDIC, "9990001626", SectionKind.CONSULTATIONS, SectionRequest.FIRST_SCREEN);
        assertThat(s.problem()).isEmpty();
        assertThat(s.items()).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    static <T> Section<T> cast(Section<?> s) {
        return (Section<T>) s;
    }
}
