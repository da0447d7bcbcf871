package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.SectionKind;
import com.carepoint.platform.FhirClients;
import com.carepoint.platform.FhirHttpProperties;
import com.carepoint.record.FetchedSection;
import com.carepoint.record.PatientContext;
import com.carepoint.record.RecordItems;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.EndpointDirectory;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * A hostile or broken practice on loopback cannot take Carepoint down: answers are bounded as they stream in — bytes
 * counted after decompression, resources counted before parsing, an overall deadline however slowly the bytes come,
 * and a stop when the user leaves — and each ends in a plain failed section, never in memory exhaustion or a section
 * left "Retrieving…".
 */
class HostileAnswersTest {

    static final long MAX_BYTES = 1024 * 1024;
    static final long MAX_RESOURCES = 1000;

    SpecFixtureProvider provider = new SpecFixtureProvider();
    GpConnectRecords records;

    HostileAnswersTest() {
        FhirClients clients = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
                MAX_BYTES, MAX_RESOURCES), new MockEnvironment());
        records = new GpConnectRecords(new EndpointDirectory(clients, provider.spine()), clients,
                provider.properties(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    FetchedSection fetch(PatientContext context) {
        return records.fetch(context, SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN);
    }

    FetchedSection fetch() {
        return fetch(PatientContext.open(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient()));
    }

    /** A valid Bundle of {@code entries} small Observations, about 100 bytes each. */
    static String bundle(int entries) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < entries; i++) {
            b.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o")
                    .append(i).append("\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}}");
        }
        return b.append("]}").toString();
    }

    @Test
    void aSmallCompressedAnswerThatExpandsPastTheCapIsRefused() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            // About 5 MB of valid FHIR that compresses to well under the 1 MB cap.
            gz.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[],\"id\":\"".getBytes());
            byte[] zeros = "0".repeat(1024).getBytes();
            for (int i = 0; i < 5 * 1024; i++) {
                gz.write(zeros);
            }
            gz.write("\"}".getBytes());
        }
        byte[] body = zipped.toByteArray();
        assertThat(body.length).isLessThan((int) MAX_BYTES);
        provider.answeringWith(x -> {
            x.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-8");
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        assertProblem(fetch(), RecordProblem.Kind.UNREADABLE_RESPONSE, "far larger than any GP record should be");
    }

    @Test
    void anAnswerWithFarTooManyEntriesIsRefusedBeforeItIsParsed() {
        String body = bundle((int) MAX_RESOURCES * 3);
        assertThat(body.length()).isLessThan((int) MAX_BYTES);
        provider.answeringWith(x -> SpecFixtureProvider.send(x, 200, "application/fhir+json;charset=utf-8", body));
        assertProblem(fetch(), RecordProblem.Kind.UNREADABLE_RESPONSE, "far more entries than any GP record should");
    }

    @Test
    void aPracticeDrippingItsAnswerIsStoppedAtTheSectionDeadline() {
        provider.answeringWith(this::drip);
        long start = System.nanoTime();
        FetchedSection f = fetch();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertProblem(f, RecordProblem.Kind.TIMEOUT, "did not finish answering in time");
        // The deadline is 2 s and each byte comes within the 10 s read timeout: only the deadline can end it.
        assertThat(ms).as("ended by the deadline, not after the whole answer").isLessThan(9_000);
    }

    @Test
    void leavingTheRecordStopsACallStillUnderWay() throws Exception {
        provider.answeringWith(this::drip);
        PatientContext context = PatientContext.open(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient());
        CompletableFuture<FetchedSection> call = CompletableFuture.supplyAsync(() -> fetch(context));
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (provider.received().stream().noneMatch(r -> r.uri().contains("getstructuredrecord"))
                && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        context.cancel();
        FetchedSection f = call.get(8, TimeUnit.SECONDS);
        assertThat(f.section().items()).isEmpty();
        assertThat(f.section().problem()).hasValueSatisfying(p -> assertThat(p.message()).contains("stopped"));
    }

    @Test
    void aValidAnswerFollowedByAnEndlessTailEndsAtTheDeadline() throws IOException {
        String fixture;
        try (var in = HostileAnswersTest.class.getResourceAsStream("/gpconnect/spec-fixtures/full-record.json")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] body = fixture.getBytes(StandardCharsets.UTF_8);
        provider.answeringWith(x -> {
            x.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-8");
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
                out.flush();
                // Then whitespace, a byte every 300 ms, for ever: the answer was already complete.
                for (int i = 0; i < 100_000; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(300);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // Carepoint hung up, as it should.
            }
        });
        long start = System.nanoTime();
        FetchedSection f = fetch();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // The answer never ends, so it is not a complete answer: it ends at the deadline like any other drip, with a
        // plain message, and the call is not held by the tail.
        assertProblem(f, RecordProblem.Kind.TIMEOUT, "did not finish answering in time");
        assertThat(ms).as("not held by the tail").isLessThan(9_000);
    }

    String fixture(String name) throws IOException {
        try (var in = HostileAnswersTest.class.getResourceAsStream("/gpconnect/spec-fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAllergyListPointingAtNothingIsNotShownInPart() throws IOException {
        // The first allergy the List refers to is missing from the answer: "no allergies" must not be inferred.
        String broken = fixture("full-record.json").replace("\"AllergyIntolerance/allergy-1\"",
                "\"AllergyIntolerance/missing-1\"");
        assertThat(broken).contains("missing-1");
        provider.answeringWith(x -> SpecFixtureProvider.send(x, 200, "application/fhir+json;charset=utf-8", broken));
        assertProblem(fetch(), RecordProblem.Kind.UNREADABLE_RESPONSE, "could not be found in it");
    }

    @Test
    void otherSectionsPointingAtNothingSayTheyMayBeIncomplete() throws IOException {
        String broken = fixture("full-record.json").replace("\"MedicationStatement/ms-1\"",
                "\"MedicationStatement/missing-1\"");
        assertThat(broken).contains("missing-1");
        provider.answeringWith(x -> SpecFixtureProvider.send(x, 200, "application/fhir+json;charset=utf-8", broken));
        FetchedSection f = records.fetch(PatientContext.open(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient()),
                SectionKind.MEDICATIONS, SectionRequest.FULL);
        assertThat(f.section().problem()).isEmpty();
        assertThat(f.section().warnings()).anyMatch(w -> w.contains("1 item that Carepoint could not read")
                && w.contains("may be incomplete"));
    }

    @Test
    void aBodyThatIsNotJsonIsSaidToBeUnreadableNotAFailedConnection() {
        provider.answeringWith(x -> SpecFixtureProvider.send(x, 200, "application/fhir+json;charset=utf-8",
                "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":"));
        assertProblem(fetch(), RecordProblem.Kind.UNREADABLE_RESPONSE, "not valid FHIR");
    }

    @Test
    void directionalOverridesInTheAnswerCannotReorderWhatIsShown() throws IOException {
        String fixture;
        try (var in = HostileAnswersTest.class.getResourceAsStream("/gpconnect/spec-fixtures/full-record.json")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // "Allergy to ‮nillicinep" would be displayed as "Allergy to penicillin" reversed around it.
        String hostile = fixture.replace("Allergy to penicillin", "Allergy to \u202Enillicinep\u202C");
        assertThat(hostile).isNotEqualTo(fixture);
        provider.answeringWith(x -> SpecFixtureProvider.send(x, 200, "application/fhir+json;charset=utf-8", hostile));
        FetchedSection f = fetch();
        assertThat(f.section().problem()).isEmpty();
        assertThat(f.section().items()).extracting(i -> ((RecordItems.Allergy) i).what().display())
                .contains("Allergy to nillicinep")
                .allSatisfy(d -> assertThat(d).doesNotContain("\u202E").doesNotContain("\u202C"));
    }

    @Test
    void manyLargeAnswersAtOnceShareOneBudgetAndTheOneThatCannotGetItFailsPlainly() throws Exception {
        // Two answers may be under the per-answer cap, but not both at once: the node's budget holds 1.2 MB.
        FhirClients budgeted = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
                MAX_BYTES, MAX_RESOURCES, 1_200_000), new MockEnvironment());
        GpConnectRecords budgetedRecords = new GpConnectRecords(new EndpointDirectory(budgeted, provider.spine()),
                budgeted, provider.properties(Duration.ofSeconds(60)));
        String fixture = fixture("full-record.json");
        byte[] padding = " ".repeat(700_000).getBytes(StandardCharsets.UTF_8);
        byte[] rest = fixture.substring(1).getBytes(StandardCharsets.UTF_8);
        assertThat(1 + padding.length + rest.length).isLessThan((int) MAX_BYTES);
        CountDownLatch finishFirst = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        provider.answeringWith(x -> {
            boolean first = calls.incrementAndGet() == 1;
            x.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-8");
            x.sendResponseHeaders(200, 1 + padding.length + rest.length);
            try (OutputStream out = x.getResponseBody()) {
                // Valid FHIR, padded with white space: "{", 700 KB of spaces, then the rest of the record.
                out.write('{');
                out.write(padding);
                out.flush();
                if (first && !finishFirst.await(60, TimeUnit.SECONDS)) {
                    return;
                }
                out.write(rest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // Carepoint hung up on this answer, as it should when it has no budget for it.
            }
        });
        PatientContext context = PatientContext.open(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient());
        CompletableFuture<FetchedSection> first = CompletableFuture.supplyAsync(() ->
                budgetedRecords.fetch(context, SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN));
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (budgeted.bytesInFlight() < padding.length && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        assertThat(budgeted.bytesInFlight()).as("the first answer is being read and holds its part of the budget")
                .isGreaterThanOrEqualTo(padding.length);

        FetchedSection second = budgetedRecords.fetch(context, SectionKind.MEDICATIONS, SectionRequest.FIRST_SCREEN);
        assertProblem(second, RecordProblem.Kind.TIMEOUT, "too many large answers from GP systems at the moment");
        assertThat(second.section().problem().orElseThrow().message()).contains("It is not known whether anything is "
                + "recorded");

        finishFirst.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS).section().problem()).as("the first answer is unharmed").isEmpty();
        waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (budgeted.bytesInFlight() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        assertThat(budgeted.bytesInFlight()).as("every answer gave its budget back").isZero();
        FetchedSection third = budgetedRecords.fetch(context, SectionKind.MEDICATIONS, SectionRequest.FIRST_SCREEN);
        assertThat(third.section().problem()).as("with the budget back, the same answer is read").isEmpty();
    }

    @Test
    void anEscapedResourceTypeIsCountedAsTheParserReadsIt() {
        // "\\u0072esourceType" is "resourceType" to any JSON parser: the count must not be evaded by writing it so.
        String body = bundle((int) MAX_RESOURCES * 3).replace("\"resourceType\"", "\"\\u0072esourceType\"");
        assertThat(body).doesNotContain("\"resourceType\"").contains("\\u0072esourceType");
        assertThat(body.length()).isLessThan((int) MAX_BYTES);
        provider.answeringWith(x -> SpecFixtureProvider.send(x, 200, "application/fhir+json;charset=utf-8", body));
        assertProblem(fetch(), RecordProblem.Kind.UNREADABLE_RESPONSE, "far more entries than any GP record should");
    }

    @Test
    void xmlEntriesAreCountedWhateverFollowsTheTagName() {
        StringBuilder xml = new StringBuilder("<Bundle xmlns=\"http://hl7.org/fhir\" xmlns:f=\"http://hl7.org/fhir\">"
                + "<type value=\"collection\"/>");
        for (int i = 0; i < MAX_RESOURCES * 3; i++) {
            xml.append(i % 2 == 0 ? "<entry >" : "<f:entry\n>").append("<resource><Observation><id value=\"o").append(i)
                    .append("\"/><status value=\"final\"/><code><text value=\"x\"/></code></Observation></resource>")
                    .append(i % 2 == 0 ? "</entry>" : "</f:entry>");
        }
        String body = xml.append("</Bundle>").toString();
        assertThat(body).doesNotContain("<entry>");
        assertThat(body.length()).isLessThan((int) MAX_BYTES);
        provider.answeringWith(x -> SpecFixtureProvider.send(x, 200, "application/fhir+xml;charset=utf-8", body));
        assertProblem(fetch(), RecordProblem.Kind.UNREADABLE_RESPONSE, "far more entries than any GP record should");
    }

    @Test
    void anAnswerInUtf16IsRefusedAsNotValidFhir() {
        String body = bundle((int) MAX_RESOURCES * 3);
        byte[] utf16 = body.getBytes(StandardCharsets.UTF_16);
        assertThat(utf16.length).isLessThan((int) MAX_BYTES);
        provider.answeringWith(x -> {
            x.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-16");
            x.sendResponseHeaders(200, utf16.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(utf16);
            }
        });
        assertProblem(fetch(), RecordProblem.Kind.UNREADABLE_RESPONSE, "not valid FHIR");
    }

    /** One byte every 300 ms, for ever (the test's provider closes when the test ends). */
    private void drip(HttpExchange x) throws IOException {
        byte[] body = bundle(10).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-8");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            for (int i = 0; i < body.length * 100; i++) {
                out.write(body[i % body.length]);
                out.flush();
                Thread.sleep(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void assertProblem(FetchedSection f, RecordProblem.Kind kind, String text) {
        assertThat(f.section().items()).isEmpty();
        assertThat(f.section().problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(kind);
            assertThat(p.message()).contains(text);
        });
    }
}
