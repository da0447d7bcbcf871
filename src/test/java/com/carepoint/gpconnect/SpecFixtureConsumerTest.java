package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.platform.FhirClients;
import com.carepoint.platform.FhirHttpProperties;
import com.carepoint.record.FetchedSection;
import com.carepoint.record.PatientContext;
import com.carepoint.record.RecordItems;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.Section;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.EndpointDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Carepoint's consumer against answers shaped exactly like the GP Connect specification's published examples
 * ({@code src/test/resources/gpconnect/spec-fixtures/}, each file naming the pages it follows), served over real HTTP
 * by a fake provider that nobody shaped to Carepoint. For each fixture and section, the number of clinical items the
 * answer holds ({@code expected-counts.properties}, counted from the primary Lists) must equal the number Carepoint
 * shows: nothing dropped. And what Carepoint sends is checked on the wire.
 */
class SpecFixtureConsumerTest {

    static final String REQUESTED = "9990000018";
    static Properties counts = new Properties();

    SpecFixtureProvider provider = new SpecFixtureProvider();
    GpConnectRecords records;

    @BeforeAll
    static void loadCounts() throws IOException {
        try (InputStream in = SpecFixtureConsumerTest.class.getResourceAsStream(
                "/gpconnect/spec-fixtures/expected-counts.properties")) {
            counts.load(in);
        }
    }

    SpecFixtureConsumerTest() {
        GpConnectProperties properties = provider.properties();
        FhirClients clients = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
                256L * 1024 * 1024, 150_000), new MockEnvironment());
        records = new GpConnectRecords(new EndpointDirectory(clients, provider.spine()), clients, properties);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    static TracedPatient patient() {
        NhsNumber nhs = NhsNumber.parse(REQUESTED).orElseThrow();
        return new TracedPatient(nhs, nhs, "Mrs", List.of("Susan"), "Hargreaves", "female", LocalDate.of(1961, 1, 4),
                Optional.empty(), false, List.of("1 Test Street"), "NS1 1AA", Optional.empty(),
                Optional.of(SpecFixtureProvider.ODS));
    }

    FetchedSection fetch(String fixture, SectionKind kind) {
        provider.answering(fixture);
        return records.fetch(PatientContext.open(DemoUsers.PARAMEDIC, patient()), kind, SectionRequest.FULL);
    }

    @SuppressWarnings("unchecked")
    <T> Section<T> section(String fixture, SectionKind kind) {
        Section<?> s = fetch(fixture, kind).section();
        assertThat(s.problem()).as(fixture + " " + kind).isEmpty();
        return (Section<T>) s;
    }

    static int count(String key) {
        String v = counts.getProperty(key);
        assertThat(v).as("expected-counts.properties has " + key).isNotNull();
        return Integer.parseInt(v.trim());
    }

    // ------------------------------------------------------------------ what Carepoint sends

    @Test
    void requestsCarryTheFhirMimeTypeAndNoFormatParameter() {
        fetch("full-record.json", SectionKind.ALLERGIES);
        List<SpecFixtureProvider.Received> gp = provider.received().stream()
                .filter(r -> r.uri().startsWith("/gp/")).toList();
        assertThat(gp).extracting(SpecFixtureProvider.Received::uri)
                .containsExactly("/gp/metadata", "/gp/Patient/$gpc.getstructuredrecord");
        assertThat(gp).allSatisfy(r -> {
            assertThat(r.uri()).doesNotContain("_format").doesNotContain("_pretty");
            assertThat(r.header("Accept")).isEqualTo("application/fhir+json;charset=utf-8");
        });
        SpecFixtureProvider.Received post = gp.get(1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.header("Content-Type")).isEqualTo("application/fhir+json;charset=utf-8");
        assertThat(post.body()).contains("\"resourceType\":\"Parameters\"").contains("includeAllergies");
    }

    @Test
    void mostRecentConsultationsAreAskedForAsAPositiveInt() {
        provider.answering("full-record.json");
        records.fetch(PatientContext.open(DemoUsers.PARAMEDIC, patient()), SectionKind.CONSULTATIONS, SectionRequest.FIRST_SCREEN);
        SpecFixtureProvider.Received post = provider.received().getLast();
        assertThat(post.body()).contains("\"name\":\"includeNumberOfMostRecent\",\"valuePositiveInt\":3");
    }

    @Test
    void aProviderReportingAnOlderVersionIsSentTheBareScope() {
        provider.reportingVersion("1.5.0");
        fetch("full-record.json", SectionKind.PROBLEMS);
        String jwt = provider.received().getLast().header("Authorization").substring("Bearer ".length());
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(claims).contains("\"requested_scope\":\"patient/*.read\"");
    }

    // ------------------------------------------------------------------ nothing dropped

    @ParameterizedTest
    @ValueSource(strings = {"full-record.json", "full-record.xml"})
    void everySectionOfASpecShapedAnswerIsShownWithNothingDropped(String fixture) {
        Section<RecordItems.Allergy> allergies = section(fixture, SectionKind.ALLERGIES);
        assertThat(allergies.items()).filteredOn(RecordItems.Allergy::active).hasSize(count("full-record.allergies.active"));
        assertThat(allergies.items()).filteredOn(a -> !a.active()).hasSize(count("full-record.allergies.ended"))
                .allSatisfy(a -> assertThat(a.ended()).isPresent());

        Section<RecordItems.Medication> meds = section(fixture, SectionKind.MEDICATIONS);
        assertThat(meds.items()).hasSize(count("full-record.medications"));
        assertThat(meds.items().stream().mapToInt(m -> m.issues().size()).sum())
                .isEqualTo(count("full-record.medications.issues"));
        assertThat(meds.warnings()).anyMatch(w -> w.contains("confidential"));

        Section<RecordItems.Problem> problems = section(fixture, SectionKind.PROBLEMS);
        assertThat(problems.items()).hasSize(count("full-record.problems"));
        assertThat(problems.items()).filteredOn(RecordItems.Problem::active).hasSize(count("full-record.problems.active"));
        assertThat(problems.items()).filteredOn(p -> p.significance().equals("major"))
                .hasSize(count("full-record.problems.major"));
        assertThat(problems.items()).filteredOn(p -> p.significance().equals("minor"))
                .hasSize(count("full-record.problems.minor"));

        Section<RecordItems.Consultation> consultations = section(fixture, SectionKind.CONSULTATIONS);
        assertThat(consultations.items()).hasSize(count("full-record.consultations"));
        RecordItems.Consultation c = consultations.items().getFirst();
        assertThat(c.topics()).hasSize(count("full-record.consultation.topics"));
        assertThat(c.topics()).extracting(RecordItems.Topic::title).containsExactly("Blood pressure review", "Cough");
        assertThat(c.topics().get(0).headings()).hasSize(count("full-record.consultation.topic1.headings"));
        assertThat(c.topics().get(1).headings()).hasSize(count("full-record.consultation.topic2.headings"));
        assertThat(c.topics().stream().flatMap(t -> t.headings().stream()).mapToInt(h -> h.entries().size()).sum())
                .isEqualTo(count("full-record.consultation.items"));

        Section<RecordItems.Observation> uncategorised = section(fixture, SectionKind.UNCATEGORISED);
        assertThat(uncategorised.items()).hasSize(count("full-record.uncategorised"));
        assertThat(uncategorised.items()).anySatisfy(o -> assertThat(o.value()).isEqualTo("152/94 mmHg"));

        Section<RecordItems.Investigation> investigations = section(fixture, SectionKind.INVESTIGATIONS);
        assertThat(investigations.items()).hasSize(count("full-record.investigations.reports"));
        RecordItems.Investigation report = investigations.items().getFirst();
        assertThat(report.groups()).hasSize(count("full-record.investigations.testGroups"));
        assertThat(report.allResults()).hasSize(count("full-record.investigations.results"))
                .allSatisfy(r -> assertThat(r.value()).isNotBlank());
        assertThat(report.comments()).hasSize(count("full-record.investigations.filingComments"));
        assertThat(report.what().display()).isEqualTo("Full blood count");
        assertThat(report.groups().getFirst().results()).anySatisfy(r -> {
            assertThat(r.test().display()).isEqualTo("Total white cell count");
            assertThat(r.value()).isEqualTo("11.8 10*9/L");
            assertThat(r.range()).hasValue("3.5 to 11");
            assertThat(r.flag()).hasValue("High");
        });

        Section<RecordItems.Immunisation> immunisations = section(fixture, SectionKind.IMMUNISATIONS);
        assertThat(immunisations.items()).hasSize(count("full-record.immunisations"));
        assertThat(immunisations.items()).filteredOn(RecordItems.Immunisation::notGiven)
                .hasSize(count("full-record.immunisations.notGiven"));
        assertThat(immunisations.items()).extracting(i -> i.vaccine().display()).contains("First hepatitis A vaccination");

        assertThat(section(fixture, SectionKind.REFERRALS).items()).hasSize(count("full-record.referrals"));
        assertThat(section(fixture, SectionKind.DIARY).items()).hasSize(count("full-record.diary"));
    }

    // ------------------------------------------------------------------ the eight defects, one by one

    @Test
    void endedAllergiesContainedInTheirListAreShownAsEnded() {
        Section<RecordItems.Allergy> a = section("full-record.json", SectionKind.ALLERGIES);
        assertThat(a.items()).filteredOn(x -> !x.active()).hasSize(2)
                .allSatisfy(x -> assertThat(x.what().display()).isNotBlank());
    }

    @Test
    void theRegisteredPracticeIsTheOneThePatientReferencesNotTheFirstOrganization() {
        FetchedSection f = fetch("full-record.json", SectionKind.ALLERGIES);
        assertThat(f.source()).hasValueSatisfying(s -> assertThat(s.practiceName())
                .isEqualTo("Synthetic Test Surgery (test data)"));
    }

    @Test
    void aSectionTheProviderDoesNotImplementIsNotProvidedNotAFault() {
        FetchedSection f = fetch("diary-not-implemented.json", SectionKind.DIARY);
        assertThat(f.section().problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.NOT_PROVIDED_BY_SYSTEM);
            assertThat(p.permanent()).isFalse();
        });
        assertThat(f.source()).isPresent();
        // The same answer still gives the allergies it holds.
        assertThat(section("diary-not-implemented.json", SectionKind.ALLERGIES).items())
                .hasSize(count("diary-not-implemented.allergies.active"));
    }

    @Test
    void nothingRecordedAndNoKnownAllergiesStayDifferent() {
        Section<RecordItems.Allergy> empty = section("empty-allergies.json", SectionKind.ALLERGIES);
        assertThat(empty.items()).isEmpty();
        Section<RecordItems.Allergy> nka = section("no-known-allergies.json", SectionKind.ALLERGIES);
        assertThat(nka.items()).singleElement().satisfies(x -> assertThat(x.noKnownAllergies()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALLERGIES", "MEDICATIONS", "PROBLEMS", "CONSULTATIONS"})
    void anAnswerForAnotherPatientShowsNothingFromIt(String kind) {
        FetchedSection f = fetch("wrong-patient.json", SectionKind.valueOf(kind));
        assertThat(f.section().items()).isEmpty();
        assertThat(f.section().problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.WRONG_PATIENT);
            assertThat(p.permanent()).isTrue();
            assertThat(p.message()).contains("not this patient's").contains("Nothing from that answer is shown");
        });
        assertThat(f.source()).isEmpty();
    }
}
