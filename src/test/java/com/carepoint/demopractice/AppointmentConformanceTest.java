package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.Application;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo services serve GP Connect Appointment Management 1.2.x as strictly as the specification says a provider
 * must (nhsconnect/gpconnect, pages/appointments/): every request here is a raw HTTP request written from the
 * specification's examples ({@code _includes/appointments/}), never through Carepoint's consumer.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppointmentConformanceTest {

    static final FhirContext STU3 = FhirContext.forDstu3Cached();
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final String P = "urn:nhs:names:services:gpconnect:";
    static final String SEARCH_SLOT = P + "fhir:rest:search:slot-1";
    static final String CREATE = P + "fhir:rest:create:appointment-1";
    static final String READ = P + "fhir:rest:read:appointment-1";
    static final String RETRIEVE = P + "fhir:rest:search:patient_appointments-1";
    static final String AMEND = P + "fhir:rest:update:appointment-1";
    static final String CANCEL = P + "fhir:rest:cancel:appointment-1";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String ORG_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
    static final Map<String, String> ASID = Map.of("A20047", "918999100101", "B82033", "918999100202", "C81616",
            "918999100303", "D82044", "918999100404", "Y02345", "918999100505", "U81001", "918999100606");

    @LocalServerPort
    int port;

    // ------------------------------------------------------------------ helpers

    GpcTestRequest request(String ods, String interaction, String scope) {
        return GpcTestRequest.to(port, ods, ASID.get(ods), interaction, scope);
    }

    /** A query string; each value percent-encoded (the '|' of a token, the '+' of an offset). */
    static String query(String... nameValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parts.add(nameValues[i] + "=" + URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    LocalDate today() {
        return LocalDate.now(UK);
    }

    /** search-for-free-slots-request-header-1.txt, with the demo's dates and the given filters. */
    GpcTestRequest slotSearch(String ods, LocalDate from, LocalDate to, String... filters) {
        List<String> q = new ArrayList<>(List.of("status", "free", "start", "ge" + from, "end", "le" + to,
                "_include", "Slot:schedule",
                "_include:recurse", "Schedule:actor:Practitioner",
                "_include:recurse", "Schedule:actor:Location",
                "_include:recurse", "Location:managingOrganization"));
        for (String f : filters) {
            q.add("searchFilter");
            q.add(f);
        }
        GpcTestRequest r = request(ods, SEARCH_SLOT, "organization/*.read");
        r.path = "/Slot?" + query(q.toArray(String[]::new));
        return r;
    }

    static Bundle bundle(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return STU3.newJsonParser().parseResource(Bundle.class, r.body());
    }

    static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    static Set<String> slotTypes(Bundle b) {
        return all(b, Slot.class).stream().map(s -> s.getServiceTypeFirstRep().getText()).collect(Collectors.toSet());
    }

    static OffsetDateTime wire(String value) {
        return OffsetDateTime.parse(value);
    }

    // ------------------------------------------------------------------ search for free slots

    @Test
    void aSearchAnswersWithTheBundleTheSearchPageDescribes() {
        LocalDate from = today();
        LocalDate to = from.plusDays(13);
        HttpResponse<String> r = slotSearch("A20047", from, to, ORG_TYPE + "|gp-practice", ODS + "|A1001").send();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Bundle b = bundle(r);
        assertThat(b.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(b.getEntry()).allSatisfy(e -> assertThat(e.hasFullUrl()).isFalse());
        assertThat(r.body()).doesNotContain("fullUrl").doesNotContain("specialty");
        List<Slot> slots = all(b, Slot.class);
        assertThat(slots).isNotEmpty();
        Instant now = Instant.now();
        for (Slot s : slots) {
            assertThat(s.getMeta().getProfile()).extracting(p -> p.getValue())
                    .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1");
            assertThat(s.getMeta().getVersionId()).isNotBlank();
            assertThat(s.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
            assertThat(s.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2"))
                    .singleElement().satisfies(e -> assertThat(e.getValue().primitiveValue()).isIn("In-person", "Telephone", "Video"));
            assertThat(s.getServiceTypeFirstRep().getText()).isNotBlank();
            String start = s.getStartElement().getValueAsString();
            String end = s.getEndElement().getValueAsString();
            assertThat(start).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[01]:00");
            assertThat(end).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[01]:00");
            assertThat(wire(start).getOffset()).isEqualTo(UK.getRules().getOffset(wire(start).toInstant()));
            assertThat(wire(end).getOffset()).isEqualTo(UK.getRules().getOffset(wire(end).toInstant()));
            // Fully within the range, and not already started (the booking window).
            assertThat(wire(start).toInstant()).isAfter(now).isAfterOrEqualTo(from.atStartOfDay(UK).toInstant());
            assertThat(wire(end).toInstant()).isBeforeOrEqualTo(to.plusDays(1).atStartOfDay(UK).toInstant());
            String schedule = s.getSchedule().getReference();
            assertThat(all(b, Schedule.class)).anyMatch(x -> ("Schedule/" + x.getIdElement().getIdPart()).equals(schedule));
        }
        for (Schedule s : all(b, Schedule.class)) {
            assertThat(s.getMeta().getProfile()).extracting(p -> p.getValue())
                    .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Schedule-1");
            assertThat(s.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1"))
                    .singleElement().satisfies(e -> assertThat(((CodeableConcept) e.getValue())
                            .getCodingFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1"));
            assertThat(s.getServiceCategory().getText()).isNotBlank();
            assertThat(s.getActor()).anyMatch(a -> a.getReference().startsWith("Location/"));
            assertThat(s.getPlanningHorizon().getStartElement().getValueAsString()).matches(".*\\+0[01]:00");
            for (var actor : s.getActor()) {
                assertThat(b.getEntry()).anyMatch(e -> (e.getResource().fhirType() + "/"
                        + e.getResource().getIdElement().getIdPart()).equals(actor.getReference()));
            }
        }
        assertThat(all(b, Location.class))
                .allSatisfy(l -> assertThat(l.getManagingOrganization().getReference()).startsWith("Organization/"));
        assertThat(all(b, Organization.class)).singleElement()
                .satisfies(o -> assertThat(o.getIdentifierFirstRep().getValue()).isEqualTo("A20047"));
    }

    @Test
    void theIncludeParametersDecideWhichActorsComeBackButTheOrganizationAlwaysDoes() {
        GpcTestRequest r = request("B82033", SEARCH_SLOT, "organization/*.read");
        r.path = "/Slot?" + query("status", "free", "start", "ge" + today(), "end", "le" + today().plusDays(13),
                "_include", "Slot:schedule", "searchFilter", ORG_TYPE + "|urgent-care");
        Bundle b = bundle(r.send());
        assertThat(all(b, Slot.class)).isNotEmpty();
        assertThat(all(b, Practitioner.class)).isEmpty();
        assertThat(all(b, Location.class)).isEmpty();
        // Known issue: the Organization "SHALL always be present, regardless of parameters, except where no slots".
        assertThat(all(b, Organization.class)).hasSize(1);
        // Moorside's duty doctor schedule has no practitioner assigned: a Location actor only.
        assertThat(all(b, Schedule.class)).anySatisfy(s -> assertThat(s.getActor()).singleElement()
                .satisfies(a -> assertThat(a.getReference()).startsWith("Location/")));

        GpcTestRequest withActors = slotSearch("B82033", today(), today().plusDays(13), ORG_TYPE + "|urgent-care");
        Bundle full = bundle(withActors.send());
        assertThat(all(full, Practitioner.class)).extracting(pr -> pr.getNameFirstRep().getFamily())
                .contains("Kapoor", "Lindqvist");
        assertThat(all(full, Location.class)).extracting(l -> l.getName())
                .contains("Moorside Surgery (main site)", "Moorside Surgery (Hillbrook branch)");
    }

    @Test
    void noFreeSlotsIsAnEmptySearchsetBundle() {
        // Castle Street's neighbour Harbour Lane has no weekend sessions: search a Saturday and Sunday only.
        LocalDate saturday = today().plusDays(1);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        Bundle b = bundle(slotSearch("D82044", saturday, saturday.plusDays(1)).send());
        assertThat(b.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(b.getEntry()).isEmpty();
    }

    static Stream<Arguments> searchParameterFaults() {
        LocalDate d = LocalDate.now(UK).plusDays(1);
        String ok = "Slot:schedule";
        return Stream.of(
                args("no start", 400, "BAD_REQUEST", "status", "free", "end", "le" + d.plusDays(3), "_include", ok),
                args("no end", 400, "BAD_REQUEST", "status", "free", "start", "ge" + d, "_include", ok),
                args("no start or end", 400, "BAD_REQUEST", "status", "free", "_include", ok),
                args("no status", 400, "BAD_REQUEST", "start", "ge" + d, "end", "le" + d.plusDays(3), "_include", ok),
                args("no _include=Slot:schedule", 400, "BAD_REQUEST", "status", "free", "start", "ge" + d, "end", "le" + d.plusDays(3)),
                args("status busy", 422, "INVALID_PARAMETER", "status", "busy", "start", "ge" + d, "end", "le" + d.plusDays(3), "_include", ok),
                args("start twice", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d, "start", "ge" + d, "end", "le" + d.plusDays(3), "_include", ok),
                args("end twice", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d, "end", "le" + d.plusDays(3), "end", "le" + d.plusDays(3), "_include", ok),
                args("start without prefix", 422, "INVALID_PARAMETER", "status", "free", "start", d.toString(), "end", "le" + d.plusDays(3), "_include", ok),
                args("start gt", 422, "INVALID_PARAMETER", "status", "free", "start", "gt" + d, "end", "le" + d.plusDays(3), "_include", ok),
                args("end lt", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d, "end", "lt" + d.plusDays(3), "_include", ok),
                args("prefixes swapped", 422, "INVALID_PARAMETER", "status", "free", "start", "le" + d, "end", "ge" + d.plusDays(3), "_include", ok),
                args("eq", 422, "INVALID_PARAMETER", "status", "free", "start", "eq" + d, "end", "eq" + d.plusDays(3), "_include", ok),
                args("ne", 422, "INVALID_PARAMETER", "status", "free", "start", "ne" + d, "end", "le" + d.plusDays(3), "_include", ok),
                args("15 days", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d, "end", "le" + d.plusDays(15), "_include", ok),
                args("31 days", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d, "end", "le" + d.plusDays(31), "_include", ok),
                args("end before start", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d, "end", "le" + d.minusDays(1), "_include", ok),
                args("empty start", 422, "INVALID_PARAMETER", "status", "free", "start", "", "end", "le" + d.plusDays(3), "_include", ok),
                args("not a date", 422, "INVALID_PARAMETER", "status", "free", "start", "geinvalidStartDate", "end", "le" + d.plusDays(3), "_include", ok),
                args("impossible date", 422, "INVALID_PARAMETER", "status", "free", "start", "ge2027-02-30", "end", "le2027-03-02", "_include", ok),
                args("partial date yyyy", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d.getYear(), "end", "le" + d.plusDays(3), "_include", ok),
                args("partial date yyyy-MM", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d.toString().substring(0, 7), "end", "le" + d.plusDays(3), "_include", ok),
                args("dateTime without offset", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d + "T09:00:00", "end", "le" + d.plusDays(3), "_include", ok),
                args("dateTime in Z", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d + "T09:00:00Z", "end", "le" + d.plusDays(3), "_include", ok),
                args("dateTime with fractions", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d + "T09:00:00.000" + offset(d), "end", "le" + d.plusDays(3), "_include", ok),
                args("dateTime with an offset that is not UK time then", 422, "INVALID_PARAMETER", "status", "free", "start", "ge" + d + "T09:00:00" + wrongOffset(d), "end", "le" + d.plusDays(3), "_include", ok));
    }

    static Arguments args(String name, int status, String code, String... query) {
        return Arguments.of(name, status, code, query(query));
    }

    static String offset(LocalDate d) {
        return UK.getRules().getOffset(d.atTime(9, 0).atZone(UK).toInstant()).getTotalSeconds() == 0 ? "+00:00" : "+01:00";
    }

    static String wrongOffset(LocalDate d) {
        return offset(d).equals("+00:00") ? "+01:00" : "+00:00";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searchParameterFaults")
    void eachSearchParameterRuleIsEnforced(String name, int status, String code, String query) {
        GpcTestRequest r = request("A20047", SEARCH_SLOT, "organization/*.read");
        r.path = "/Slot?" + query;
        HttpResponse<String> response = r.send();
        ProviderConformanceTest.assertError(response, status, code);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aRangeOfExactlyFourteenDaysAndDateTimesWithTheirUkOffsetAreAccepted() {
        LocalDate d = today().plusDays(1);
        GpcTestRequest r = request("A20047", SEARCH_SLOT, "organization/*.read");
        r.path = "/Slot?" + query("status", "free", "start", "ge" + d, "end", "le" + d.plusDays(14), "_include", "Slot:schedule");
        assertThat(r.send().statusCode()).isEqualTo(200);
        // search-for-free-slots-request-header-2.txt: dateTimes with their offsets (here percent-encoded) ...
        String start = d + "T09:00:00" + offset(d);
        String end = d.plusDays(2) + "T17:00:00" + offset(d.plusDays(2));
        r.path = "/Slot?" + query("status", "free", "start", "ge" + start, "end", "le" + end, "_include", "Slot:schedule");
        Bundle b = bundle(r.send());
        assertThat(all(b, Slot.class)).allSatisfy(s -> {
            assertThat(wire(s.getStartElement().getValueAsString()).toInstant()).isAfterOrEqualTo(wire(start).toInstant());
            assertThat(wire(s.getEndElement().getValueAsString()).toInstant()).isBeforeOrEqualTo(wire(end).toInstant());
        });
        // ... and as the example shows them, with the '+' not encoded (it arrives as a space).
        r.path = "/Slot?status=free&start=ge" + start + "&end=le" + end + "&_include=Slot:schedule";
        assertThat(bundle(r.send()).getEntry()).hasSameSizeAs(b.getEntry());
        // A date start and a dateTime end together.
        r.path = "/Slot?" + query("status", "free", "start", "ge" + d, "end", "le" + end, "_include", "Slot:schedule");
        assertThat(r.send().statusCode()).isEqualTo(200);
    }

    @Test
    void searchFiltersTheProviderDoesNotUnderstandAreIgnored() {
        HttpResponse<String> r = slotSearch("A20047", today(), today().plusDays(6), ORG_TYPE + "|oncology",
                "https://fhir.nhs.uk/Id/disposition-code|Dx12", "not-a-token", ODS + "|RX9").send();
        assertThat(all(bundle(r), Slot.class)).isNotEmpty();
    }

    /**
     * The slot availability page's matching table, for each demo organisation: restricted slots are seen only with
     * the filters that match them, and unrestricted ones always.
     */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = ';', value = {
            // service; filters (type,ods); slot types that must be seen; slot types that must not
            "A20047; none; General GP Appointment; Same-day urgent appointment,Ambulance crew GP callback",
            "A20047; urgent-care; General GP Appointment,Same-day urgent appointment; Ambulance crew GP callback",
            "A20047; ,RX9; General GP Appointment,Ambulance crew GP callback; Same-day urgent appointment",
            "A20047; urgent-care,RX9; General GP Appointment,Same-day urgent appointment,Ambulance crew GP callback; ",
            "A20047; urgent-care,NL311; Same-day urgent appointment; Ambulance crew GP callback",
            "A20047; gp-practice,B82033; General GP Appointment; Same-day urgent appointment,Ambulance crew GP callback",
            "B82033; ,LA714; Care home medication review call,General GP Appointment; Duty doctor telephone triage,Practice-to-practice referral call",
            "B82033; local-authority,LA714; Care home medication review call; Duty doctor telephone triage,Practice-to-practice referral call",
            "B82033; gp-practice,A20047; Practice-to-practice referral call; Care home medication review call,Duty doctor telephone triage",
            "B82033; urgent-care,RX9; Duty doctor telephone triage; Care home medication review call,Practice-to-practice referral call",
            "U81001; urgent-care,NL311; NHS 111 direct booking,Same-day hub appointment,Minor illness appointment (urgent care); Medication review (practice referral)",
            "U81001; urgent-care,RX9; Minor illness appointment (urgent care),Extended access GP appointment; NHS 111 direct booking,Same-day hub appointment",
            "U81001; none; Extended access GP appointment,Medication review; NHS 111 direct booking,Minor illness appointment (urgent care),Medication review (practice referral)",
            "U81001; gp-practice,A20047; Medication review (practice referral); NHS 111 direct booking,Minor illness appointment (urgent care)",
            "Y02345; none; Out of hours video consultation; Out of hours GP appointment",
            "Y02345; urgent-care,NL311; Out of hours GP appointment,Out of hours video consultation,Out of hours telephone assessment; ",
            "Y02345; ,LA714; Out of hours video consultation; Out of hours GP appointment"})
    void restrictedSlotsAreSeenOnlyWithTheFiltersTheyAreRestrictedTo(String ods, String filter, String seen, String hidden) {
        List<String> filters = new ArrayList<>();
        if (!filter.equals("none")) {
            String[] f = filter.split(",", -1);
            if (!f[0].isBlank()) {
                filters.add(ORG_TYPE + "|" + f[0]);
            }
            if (f.length > 1 && !f[1].isBlank()) {
                filters.add(ODS + "|" + f[1]);
            }
        }
        Set<String> types = slotTypes(bundle(slotSearch(ods, today(), today().plusDays(13), filters.toArray(String[]::new)).send()));
        assertThat(types).contains(seen.split(","));
        if (hidden != null && !hidden.isBlank()) {
            assertThat(types).doesNotContainAnyElementsOf(List.of(hidden.split(",")));
        }
    }

    // ------------------------------------------------------------------ the clock change

    @Test
    void slotsAcrossTheNextClockChangeCarryTheOffsetOfEachInstant() {
        ZoneOffsetTransition next = UK.getRules().nextTransition(Instant.now());
        LocalDate day = LocalDate.ofInstant(next.getInstant(), UK);
        Bundle b = bundle(slotSearch("Y02345", day.minusDays(1), day, ORG_TYPE + "|urgent-care", ODS + "|NL311").send());
        List<Slot> slots = all(b, Slot.class);
        assertThat(slots).isNotEmpty();
        for (Slot s : slots) {
            OffsetDateTime start = wire(s.getStartElement().getValueAsString());
            OffsetDateTime end = wire(s.getEndElement().getValueAsString());
            assertThat(start.getOffset()).isEqualTo(UK.getRules().getOffset(start.toInstant()));
            assertThat(end.getOffset()).isEqualTo(UK.getRules().getOffset(end.toInstant()));
        }
        List<Slot> across = slots.stream().filter(s -> !wire(s.getStartElement().getValueAsString()).getOffset()
                .equals(wire(s.getEndElement().getValueAsString()).getOffset())).toList();
        assertThat(across).as("a slot spanning the change at %s", next).isNotEmpty().allSatisfy(s -> {
            Instant start = wire(s.getStartElement().getValueAsString()).toInstant();
            Instant end = wire(s.getEndElement().getValueAsString()).toInstant();
            assertThat(start).isBefore(next.getInstant());
            assertThat(end).isAfter(next.getInstant());
            // The slot keeps its real length (25 or 30 minutes) whatever the clocks do.
            assertThat(Duration.between(start, end)).isIn(Duration.ofMinutes(25), Duration.ofMinutes(30));
        });
        // A dateTime range across the change, each end with its own offset, finds them.
        String from = day.minusDays(1) + "T12:00:00" + offsetAt(day.minusDays(1).atTime(12, 0));
        String to = day + "T12:00:00" + offsetAt(day.atTime(12, 0));
        GpcTestRequest r = request("Y02345", SEARCH_SLOT, "organization/*.read");
        r.path = "/Slot?" + query("status", "free", "start", "ge" + from, "end", "le" + to, "_include", "Slot:schedule",
                "searchFilter", ORG_TYPE + "|urgent-care");
        assertThat(all(bundle(r.send()), Slot.class)).extracting(Slot::getIdElement).extracting(i -> i.getIdPart())
                .contains(across.getFirst().getIdElement().getIdPart());
        // The same instant given with the offset of the other side of the change is not UK local time.
        r.path = "/Slot?" + query("status", "free", "start", "ge" + from, "end", "le" + day + "T12:00:00"
                + offsetAt(day.minusDays(1).atTime(12, 0)), "_include", "Slot:schedule");
        ProviderConformanceTest.assertError(r.send(), 422, "INVALID_PARAMETER");

        // Booked, the appointment keeps both offsets.
        Slot slot = across.getFirst();
        String patient = patientId("Y02345", "9990000220");
        HttpResponse<String> booked = book("Y02345", booking(List.of(slot), patient, locationOf(b, slot), null,
                "NL311", "Northshire NHS 111", "urgent-care"));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        Appointment a = STU3.newJsonParser().parseResource(Appointment.class, booked.body());
        assertThat(a.getStartElement().getValueAsString()).isEqualTo(slot.getStartElement().getValueAsString());
        assertThat(a.getEndElement().getValueAsString()).isEqualTo(slot.getEndElement().getValueAsString());
    }

    static String offsetAt(LocalDateTime local) {
        return UK.getRules().getOffset(local).getTotalSeconds() == 0 ? "+00:00" : "+01:00";
    }

    // ------------------------------------------------------------------ Castle Street: appointments switched off

    @Test
    void aPracticeWithAppointmentManagementSwitchedOffHasNoEndpointForItAndRefusesItsRequests() {
        for (String interaction : List.of(SEARCH_SLOT, CREATE, READ, RETRIEVE, AMEND, CANCEL)) {
            HttpResponse<String> sds = GpcTestRequest.get(sds("C81616", interaction), DemoPatientsTest.requestId());
            var found = DemoPatientsTest.R4.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, sds.body());
            assertThat(found.getEntry()).as(interaction).isEmpty();
            // The other services publish an endpoint for every appointment interaction.
            for (String ods : List.of("A20047", "B82033", "D82044", "Y02345", "U81001")) {
                var other = DemoPatientsTest.R4.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class,
                        GpcTestRequest.get(sds(ods, interaction), DemoPatientsTest.requestId()).body());
                assertThat(other.getEntry()).as(ods + " " + interaction).hasSize(1);
            }
        }
        var structured = DemoPatientsTest.R4.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class,
                GpcTestRequest.get(sds("C81616", GpcTestRequest.STRUCTURED), DemoPatientsTest.requestId()).body());
        assertThat(structured.getEntry()).hasSize(1);
        // A request sent to its service root anyway is refused.
        ProviderConformanceTest.assertError(slotSearch("C81616", today(), today().plusDays(6)).send(), 403, "ACCESS DENIED");
        GpcTestRequest book = request("C81616", CREATE, "patient/*.write");
        book.method = "POST";
        book.path = "/Appointment";
        book.body = "{\"resourceType\":\"Appointment\"}";
        ProviderConformanceTest.assertError(book.send(), 403, "ACCESS DENIED");
        // Its other capabilities still answer.
        assertThat(patientId("C81616", "9990001138")).isNotNull();
    }

    String sds(String ods, String interaction) {
        return "http://localhost:" + port + "/demo/sds/FHIR/R4/Endpoint?organization="
                + URLEncoder.encode(ODS + "|" + ods, StandardCharsets.UTF_8)
                + "&identifier=" + URLEncoder.encode("https://fhir.nhs.uk/Id/nhsServiceInteractionId|" + interaction,
                        StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ patients at hubs

    @Test
    void theHubFindsItsPracticesPatientsAndTheOutOfHoursServiceFindsAnyWithTheirOwnIds() {
        String atPractice = patientId("A20047", "9990000018");
        String atHub = patientId("U81001", "9990000018");
        String atOoh = patientId("Y02345", "9990000018");
        assertThat(atPractice).isNotNull();
        assertThat(atHub).isNotNull().isNotEqualTo(atPractice);
        assertThat(atOoh).isNotNull().isNotEqualTo(atPractice).isNotEqualTo(atHub);
        assertThat(patientId("U81001", "9990000220")).isNotNull();   // Moorside
        assertThat(patientId("U81001", "9990001138")).isNotNull();   // Castle Street
        assertThat(patientId("U81001", "9990000859")).isNull();      // Harbour Lane is not a member practice
        assertThat(patientId("Y02345", "9990000859")).isNotNull();
        assertThat(patientId("Y02345", "9990000786")).isNotNull();   // registered at a practice with no endpoint
        assertThat(patientId("Y02345", "9990000506")).isNull();      // sensitive
        assertThat(patientId("Y02345", "9990000573")).isNull();      // deceased
        // The hub's Patient names the registered practice by ODS code and is managed by the hub.
        GpcTestRequest r = request("U81001", GpcTestRequest.SEARCH_PATIENT, "patient/*.read");
        r.path = "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000018";
        Patient p = all(bundle(r.send()), Patient.class).getFirst();
        assertThat(p.getGeneralPractitionerFirstRep().getIdentifier().getValue()).isEqualTo("A20047");
    }

    /** The logical id of the patient with this NHS number at this service (Find a patient), or null. */
    String patientId(String ods, String nhsNumber) {
        GpcTestRequest r = request(ods, GpcTestRequest.SEARCH_PATIENT, "patient/*.read");
        r.path = "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber;
        List<Patient> found = all(bundle(r.send()), Patient.class);
        return found.isEmpty() ? null : found.getFirst().getIdElement().getIdPart();
    }

    // ------------------------------------------------------------------ booking helpers

    /** Free slots at a service (no filters: unrestricted ones) in the next 13 days whose slot type is this. */
    Bundle freeSlots(String ods, String... filters) {
        return bundle(slotSearch(ods, today(), today().plusDays(13), filters).send());
    }

    static Slot firstOfType(Bundle b, String type) {
        return all(b, Slot.class).stream().filter(s -> s.getServiceTypeFirstRep().getText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("No free slot of type " + type));
    }

    static String locationOf(Bundle b, Slot slot) {
        return scheduleOf(b, slot).getActor().stream().map(a -> a.getReference())
                .filter(ref -> ref.startsWith("Location/")).findFirst().orElseThrow();
    }

    static String practitionerOf(Bundle b, Slot slot) {
        return scheduleOf(b, slot).getActor().stream().map(a -> a.getReference())
                .filter(ref -> ref.startsWith("Practitioner/")).findFirst().orElse(null);
    }

    static Schedule scheduleOf(Bundle b, Slot slot) {
        return all(b, Schedule.class).stream()
                .filter(s -> ("Schedule/" + s.getIdElement().getIdPart()).equals(slot.getSchedule().getReference()))
                .findFirst().orElseThrow();
    }

    /**
     * book-appt-request-payload-1.json (nhsconnect/gpconnect, _includes/appointments/, 1.2.7-refresh), with the
     * demo's slot(s), patient, location and booking organisation in place of the example's.
     */
    static String booking(List<Slot> slots, String patientId, String location, String practitioner, String orgOds,
            String orgName, String orgType) {
        String type = orgType == null ? "" : """
                      "type": [ { "coding": [ { "system": "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1", "code": "%s" } ] } ],
                """.formatted(orgType);
        String slotRefs = slots.stream().map(s -> "{ \"reference\": \"Slot/" + s.getIdElement().getIdPart() + "\" }")
                .collect(Collectors.joining(", "));
        String practitionerParticipant = practitioner == null ? "" : """
                    , { "actor": { "reference": "%s" }, "status": "accepted" }""".formatted(practitioner);
        return """
                {
                  "resourceType": "Appointment",
                  "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1" ] },
                  "contained": [ {
                      "resourceType": "Organization",
                      "id": "1",
                      "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1" ] },
                      "identifier": [ { "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "%s" } ],
                %s      "name": "%s",
                      "telecom": [ { "system": "phone", "value": "01111222333" } ]
                  } ],
                  "extension": [ {
                      "url": "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1",
                      "valueReference": { "reference": "#1" }
                  } ],
                  "status": "booked",
                  "description": "Free text description.",
                  "start": "%s",
                  "end": "%s",
                  "slot": [ %s ],
                  "created": "%s",
                  "comment": "Free text comment.",
                  "participant": [
                    { "actor": { "reference": "Patient/%s" }, "status": "accepted" },
                    { "actor": { "reference": "%s" }, "status": "accepted" }%s
                  ]
                }""".formatted(orgOds, type, orgName, slots.getFirst().getStartElement().getValueAsString(),
                slots.getLast().getEndElement().getValueAsString(), slotRefs,
                WIRE.format(Instant.now().atZone(UK)),
                patientId, location, practitionerParticipant);
    }

    HttpResponse<String> book(String ods, String body) {
        GpcTestRequest r = request(ods, CREATE, "patient/*.write");
        r.method = "POST";
        r.path = "/Appointment";
        r.body = body;
        return r.send();
    }

    /** A valid booking of a free unrestricted slot of this type at Riverside for Mrs Hargreaves. */
    String riversideBooking(String slotType) {
        Bundle b = freeSlots("A20047");
        Slot slot = firstOfType(b, slotType);
        return booking(List.of(slot), patientId("A20047", "9990000018"), locationOf(b, slot), practitionerOf(b, slot),
                "RX9", "Northshire Ambulance Service NHS Trust", null);
    }

    Appointment booked(String ods, String body) {
        HttpResponse<String> r = book(ods, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return STU3.newJsonParser().parseResource(Appointment.class, r.body());
    }

    HttpResponse<String> read(String ods, String id) {
        GpcTestRequest r = request(ods, READ, "patient/*.read");
        r.path = "/Appointment/" + id;
        return r.send();
    }

    HttpResponse<String> put(String ods, String interaction, String id, String body, String ifMatch) {
        GpcTestRequest r = request(ods, interaction, "patient/*.write");
        r.method = "PUT";
        r.path = "/Appointment/" + id;
        r.body = body;
        if (ifMatch != null) {
            r.headers.put("If-Match", ifMatch);
        }
        return r.send();
    }

    HttpResponse<String> retrieve(String ods, String patientId, String... starts) {
        GpcTestRequest r = request(ods, RETRIEVE, "patient/*.read");
        List<String> q = new ArrayList<>();
        for (String s : starts) {
            q.add("start");
            q.add(s);
        }
        r.path = "/Patient/" + patientId + "/Appointment" + (q.isEmpty() ? "" : "?" + query(q.toArray(String[]::new)));
        return r.send();
    }

    static String json(Appointment a) {
        return STU3.newJsonParser().encodeResourceToString(a);
    }

    static Appointment parse(String json) {
        return STU3.newJsonParser().parseResource(Appointment.class, json);
    }

    // ------------------------------------------------------------------ book

    @Test
    void thePublishedBookingExampleIsBookedAsTheBookPageSays() {
        Bundle b = freeSlots("A20047");
        Slot slot = firstOfType(b, "General GP Appointment");
        String patient = patientId("A20047", "9990000018");
        HttpResponse<String> r = book("A20047", booking(List.of(slot), patient, locationOf(b, slot), null, "RX9",
                "Northshire Ambulance Service NHS Trust", null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Appointment a = parse(r.body());
        String id = a.getIdElement().getIdPart();
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/demo/gp/A20047/STU3/1/gpconnect/fhir/Appointment/" + id + "/_history/1"));
        assertThat(r.headers().firstValue("ETag")).hasValue("W/\"1\"");
        assertThat(a.getMeta().getVersionId()).isEqualTo("1");
        assertThat(a.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1");
        assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(a.getStartElement().getValueAsString()).isEqualTo(slot.getStartElement().getValueAsString());
        assertThat(a.getEndElement().getValueAsString()).isEqualTo(slot.getEndElement().getValueAsString());
        assertThat(a.getCreatedElement().getValueAsString()).matches(".*T\\d{2}:\\d{2}:\\d{2}\\+0[01]:00");
        assertThat(a.getSlot()).extracting(Reference::getReference).containsExactly("Slot/" + slot.getIdElement().getIdPart());
        assertThat(a.getDescription()).isEqualTo("Free text description.");
        assertThat(a.getComment()).isEqualTo("Free text comment.");
        assertThat(a.hasReason()).isFalse();
        assertThat(a.hasSpecialty()).isFalse();
        // The provider-populated parts (book-appt-response-payload-1.json).
        assertThat(a.getServiceTypeFirstRep().getText()).isEqualTo("General GP Appointment");
        // The schedule's category (which schedule offers the first "General GP Appointment" depends on the time of day).
        org.hl7.fhir.dstu3.model.Schedule schedule = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.dstu3.model.Schedule.class::isInstance)
                .map(org.hl7.fhir.dstu3.model.Schedule.class::cast)
                .filter(sc -> ("Schedule/" + sc.getIdElement().getIdPart()).equals(slot.getSchedule().getReference()))
                .findFirst().orElseThrow();
        assertThat(a.getServiceCategory().getText()).isEqualTo(schedule.getServiceCategory().getText());
        assertThat(a.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2"))
                .singleElement().satisfies(e -> assertThat(e.getValue().primitiveValue()).isEqualTo("In-person"));
        assertThat(a.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1"))
                .hasSize(1);
        // The booking organisation stays contained and referenced by the extension.
        assertThat(a.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1"))
                .singleElement().satisfies(e -> assertThat(((Reference) e.getValue()).getReference()).startsWith("#"));
        assertThat(a.getContained()).singleElement().isInstanceOf(Organization.class);
        // The participants: this practice's Patient, the slot's location and its schedule's practitioner.
        assertThat(a.getParticipant()).extracting(p -> p.getActor().getReference())
                .contains("Patient/" + patient, locationOf(b, slot), practitionerOf(b, slot));
        // The slot is taken.
        assertThat(all(freeSlots("A20047"), Slot.class)).noneMatch(s -> s.getIdElement().getIdPart()
                .equals(slot.getIdElement().getIdPart()));
        // Read back: the same, with its ETag.
        HttpResponse<String> read = read("A20047", id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("W/\"1\"");
        assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(parse(read.body()).equalsDeep(a)).isTrue();
    }

    @Test
    void preferReturnMinimalGivesNoBodyAndRepresentationTheResource() {
        GpcTestRequest r = request("A20047", CREATE, "patient/*.write");
        r.method = "POST";
        r.path = "/Appointment";
        r.body = riversideBooking("General GP Appointment");
        r.headers.put("Prefer", "return=minimal");
        HttpResponse<String> minimal = r.send();
        assertThat(minimal.statusCode()).isEqualTo(201);
        assertThat(minimal.body()).isEmpty();
        assertThat(minimal.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/_history/1"));
        r.body = riversideBooking("General GP Appointment");
        r.headers.put("Prefer", "return=representation");
        HttpResponse<String> full = r.send();
        assertThat(full.statusCode()).isEqualTo(201);
        assertThat(parse(full.body()).getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
    }

    @Test
    void anXmlBodyIsBookedAndAnsweredInXml() {
        Appointment a = parse(riversideBooking("Telephone consultation"));
        GpcTestRequest r = request("A20047", CREATE, "patient/*.write");
        r.method = "POST";
        r.path = "/Appointment";
        r.contentType = "application/fhir+xml;charset=utf-8";
        r.headers.put("Accept", "application/fhir+xml");
        r.body = STU3.newXmlParser().encodeResourceToString(a);
        HttpResponse<String> response = r.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).startsWith("<Appointment");
        // General API guidance: "Where no Accept header or _format parameter is sent with a request but there is a
        // Content-Type header, such as in a POST request, the server SHALL return the response using the format type
        // within the Content-Type header."
        r.headers.remove("Accept");
        r.body = STU3.newXmlParser().encodeResourceToString(parse(riversideBooking("Telephone consultation")));
        HttpResponse<String> noAccept = r.send();
        assertThat(noAccept.statusCode()).as(noAccept.body()).isEqualTo(201);
        assertThat(noAccept.body()).startsWith("<Appointment");
        assertThat(noAccept.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/fhir+xml"));
    }

    @Test
    void descriptionsAndCommentsUpToTheirLimitsAreStoredWithoutTruncation() {
        Appointment a = parse(riversideBooking("General GP Appointment"));
        a.setDescription("d".repeat(99) + "é");
        a.setComment("c".repeat(500));
        Appointment booked = booked("A20047", json(a));
        assertThat(booked.getDescription()).isEqualTo("d".repeat(99) + "é");
        assertThat(booked.getComment()).hasSize(500);
    }

    static Stream<Arguments> bookingFaults() {
        return Stream.of(
                fault("no GPConnect-Appointment-1 profile", 422, "INVALID_RESOURCE", a -> a.getMeta().getProfile().clear()),
                fault("status not booked", 422, "INVALID_RESOURCE", a -> a.setStatus(Appointment.AppointmentStatus.PENDING)),
                fault("no status", 422, "INVALID_RESOURCE", a -> a.setStatus(null)),
                fault("a reason", 422, "INVALID_RESOURCE", a -> a.addReason().setText("Chest pain")),
                fault("a specialty", 422, "INVALID_RESOURCE", a -> a.addSpecialty().setText("Cardiology")),
                fault("the cancellation reason extension", 422, "INVALID_RESOURCE", a -> a.addExtension(
                        "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1",
                        new StringType("no"))),
                fault("no description", 422, "INVALID_RESOURCE", a -> a.setDescription(null)),
                fault("description of 101 characters", 422, "INVALID_RESOURCE", a -> a.setDescription("d".repeat(101))),
                fault("comment of 501 characters", 422, "INVALID_RESOURCE", a -> a.setComment("c".repeat(501))),
                fault("no start", 422, "INVALID_RESOURCE", a -> a.setStartElement(null)),
                fault("no end", 422, "INVALID_RESOURCE", a -> a.setEndElement(null)),
                fault("start not the slot's", 422, "INVALID_RESOURCE", a -> a.setStart(new Date(
                        a.getStart().getTime() + 60_000))),
                fault("end not the slot's", 422, "INVALID_RESOURCE", a -> a.setEnd(new Date(
                        a.getEnd().getTime() + 600_000))),
                fault("no created", 422, "INVALID_RESOURCE", a -> a.setCreatedElement(null)),
                fault("no slot", 422, "INVALID_RESOURCE", a -> a.getSlot().clear()),
                // Replaced by the absolute URL in the JSON (HAPI's own encoder refuses to write it).
                fault("slot as an absolute reference", 422, "INVALID_RESOURCE", a -> a.getSlotFirstRep().setReference(
                        "Slot/ABSOLUTE")),
                fault("slot reference malformed", 422, "INVALID_RESOURCE", a -> a.getSlotFirstRep().setReference("Slot/45555555##")),
                fault("slot that does not exist", 422, "REFERENCE_NOT_FOUND", a -> a.getSlotFirstRep().setReference("Slot/hello")),
                fault("slot listed twice", 422, "INVALID_RESOURCE", a -> a.addSlot(a.getSlotFirstRep().copy())),
                fault("no patient participant", 422, "INVALID_RESOURCE", a -> a.getParticipant()
                        .removeIf(p -> p.getActor().getReference().startsWith("Patient/"))),
                fault("no location participant", 422, "INVALID_RESOURCE", a -> a.getParticipant()
                        .removeIf(p -> p.getActor().getReference().startsWith("Location/"))),
                fault("no participants", 422, "INVALID_RESOURCE", a -> a.getParticipant().clear()),
                fault("a participant without status", 422, "INVALID_RESOURCE", a -> a.getParticipantFirstRep().setStatus(null)),
                fault("a participant without an actor", 422, "INVALID_RESOURCE", a -> a.addParticipant()
                        .setStatus(Appointment.ParticipationStatus.ACCEPTED)),
                fault("a patient this service does not know", 422, "REFERENCE_NOT_FOUND", a -> a.getParticipantFirstRep()
                        .getActor().setReference("Patient/9990000018")),
                fault("a location this service does not have", 422, "REFERENCE_NOT_FOUND", a -> a.getParticipant().get(1)
                        .getActor().setReference("Location/32")),
                fault("a practitioner who is not the schedule's", 422, "INVALID_RESOURCE", a -> a.addParticipant()
                        .setActor(new Reference("Practitioner/" + UUID.nameUUIDFromBytes(
                                "practitioner/A20047-P3".getBytes(StandardCharsets.UTF_8))))
                        .setStatus(Appointment.ParticipationStatus.ACCEPTED)),
                fault("no booking organisation extension", 422, "INVALID_RESOURCE", a -> a.getExtension().clear()),
                fault("booking organisation as an absolute reference", 422, "INVALID_RESOURCE", a -> ((Reference) a
                        .getExtension().getFirst().getValue()).setReference("https://example.org/Organization/1")),
                fault("booking organisation not contained", 422, "INVALID_RESOURCE", a -> a.getContained().clear()),
                fault("booking organisation without a name", 422, "INVALID_RESOURCE", a ->
                        ((Organization) a.getContained().getFirst()).setName(null)),
                fault("booking organisation without telecom", 422, "INVALID_RESOURCE", a ->
                        ((Organization) a.getContained().getFirst()).getTelecom().clear()),
                fault("booking organisation without an ODS code", 422, "INVALID_RESOURCE", a ->
                        ((Organization) a.getContained().getFirst()).getIdentifier().clear()),
                fault("booking organisation type not from GPConnect-OrganisationType-1", 422, "INVALID_RESOURCE", a ->
                        ((Organization) a.getContained().getFirst()).addType().addCoding()
                                .setSystem("https://example.org/types").setCode("ambulance")),
                fault("an identifier without a system", 422, "INVALID_RESOURCE", a -> a.addIdentifier().setValue("123")));
    }

    static Arguments fault(String name, int status, String code,
            Consumer<Appointment> change) {
        return Arguments.of(name, status, code, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookingFaults")
    void eachBookingRuleIsEnforced(String name, int status, String code, Consumer<Appointment> change) {
        Appointment a = parse(riversideBooking("General GP Appointment"));
        change.accept(a);
        HttpResponse<String> r = book("A20047", json(a).replace("Slot/ABSOLUTE",
                "https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/Slot/#12345"));
        ProviderConformanceTest.assertError(r, status, code);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void bodiesThatAreNotAnAppointmentOrNotFhirAreRefused() {
        String valid = riversideBooking("General GP Appointment");
        ProviderConformanceTest.assertError(book("A20047", valid.replace("\"status\": \"booked\",",
                "\"status\": \"booked\", \"invalidField\": \"x\",")), 422, "INVALID_RESOURCE");
        ProviderConformanceTest.assertError(book("A20047", "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"),
                422, "INVALID_RESOURCE");
        ProviderConformanceTest.assertError(book("A20047", valid.substring(0, valid.length() / 2)), 400, "BAD_REQUEST");
    }

    @Test
    void aSlotInThePastCannotBeBooked() {
        // Yesterday's overnight telephone session at the out-of-hours service began at 23:00 (its first slot's id
        // is the schedule's and the start's: this provider's own ids).
        Instant start = today().minusDays(1).atTime(23, 0).atZone(UK).toInstant();
        Instant end = start.plus(Duration.ofMinutes(25));
        String patient = patientId("Y02345", "9990000220");
        String body = booking(List.of(slotAt("Y02345-TEL-" + start.getEpochSecond() / 60, start, end)), patient,
                "Location/" + UUID.nameUUIDFromBytes("location/Y02345-L1".getBytes(StandardCharsets.UTF_8)),
                null, "NL311", "Northshire NHS 111", "urgent-care");
        ProviderConformanceTest.assertError(book("Y02345", body), 422, "INVALID_RESOURCE");
    }

    static Slot slotAt(String id, Instant start, Instant end) {
        Slot s = new Slot();
        s.setId(id);
        s.getStartElement().setValueAsString(WIRE.format(start.atZone(UK)));
        s.getEndElement().setValueAsString(WIRE.format(end.atZone(UK)));
        return s;
    }

    /** yyyy-mm-ddThh:mm:ss+hh:mm, never Z (the pages' format for UK local time). */
    static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    @Test
    void aSlotRestrictedToOtherOrganisationsCannotBeBookedByThem() {
        Bundle b = freeSlots("A20047", ORG_TYPE + "|urgent-care", ODS + "|RX9");
        Slot callback = firstOfType(b, "Ambulance crew GP callback");
        String patient = patientId("A20047", "9990000018");
        // NHS 111 is urgent care but not RX9: the slot's ODS restriction is not met.
        ProviderConformanceTest.assertError(book("A20047", booking(List.of(callback), patient, locationOf(b, callback),
                null, "NL311", "Northshire NHS 111", "urgent-care")), 422, "INVALID_RESOURCE");
        Slot urgent = firstOfType(b, "Same-day urgent appointment");
        // Without the organisation type (not sent in the search) an urgent-care-only slot is not available.
        ProviderConformanceTest.assertError(book("A20047", booking(List.of(urgent), patient, locationOf(b, urgent),
                null, "RX9", "Northshire Ambulance Service NHS Trust", null)), 422, "INVALID_RESOURCE");
        booked("A20047", booking(List.of(callback), patient, locationOf(b, callback), null, "RX9",
                "Northshire Ambulance Service NHS Trust", "urgent-care"));
        booked("A20047", booking(List.of(urgent), patient, locationOf(b, urgent), null, "RX9",
                "Northshire Ambulance Service NHS Trust", "urgent-care"));
    }

    @Test
    void adjacentSlotsOfOneScheduleChannelAndTypeAreBookedTogetherAndOthersAreNot() {
        Bundle b = freeSlots("A20047");
        List<Slot> slots = all(b, Slot.class);
        Slot first = null;
        Slot second = null;
        for (Slot s : slots) {
            for (Slot t : slots) {
                if (s.getSchedule().getReference().equals(t.getSchedule().getReference())
                        && s.getEndElement().getValueAsString().equals(t.getStartElement().getValueAsString())
                        && s.getServiceTypeFirstRep().getText().equals(t.getServiceTypeFirstRep().getText())
                        && first == null) {
                    first = s;
                    second = t;
                }
            }
        }
        assertThat(first).as("two adjacent slots of one type").isNotNull();
        String patient = patientId("A20047", "9990001278");
        // Adjacent but of different types: refused.
        Slot f = first;
        Slot next = slots.stream().filter(t -> t.getSchedule().getReference().equals(f.getSchedule().getReference())
                && t.getStartElement().getValueAsString().equals(f.getEndElement().getValueAsString())
                && !t.getServiceTypeFirstRep().getText().equals(f.getServiceTypeFirstRep().getText())).findFirst()
                .orElse(null);
        if (next != null) {
            ProviderConformanceTest.assertError(book("A20047", booking(List.of(first, next), patient,
                    locationOf(b, first), null, "RX9", "Northshire Ambulance Service NHS Trust", null)), 422, "INVALID_RESOURCE");
        }
        // Not adjacent: refused.
        Slot far = slots.stream().filter(t -> t.getSchedule().getReference().equals(f.getSchedule().getReference())
                && t.getStartElement().getValue().after(f.getEndElement().getValue())
                && !t.getStartElement().getValueAsString().equals(f.getEndElement().getValueAsString())
                && t.getServiceTypeFirstRep().getText().equals(f.getServiceTypeFirstRep().getText())).findFirst().orElseThrow();
        ProviderConformanceTest.assertError(book("A20047", booking(List.of(first, far), patient, locationOf(b, first),
                null, "RX9", "Northshire Ambulance Service NHS Trust", null)), 422, "INVALID_RESOURCE");
        // Adjacent, same schedule, channel and type: one appointment from the first's start to the second's end.
        Appointment a = booked("A20047", booking(List.of(first, second), patient, locationOf(b, first), null, "RX9",
                "Northshire Ambulance Service NHS Trust", null));
        assertThat(a.getStartElement().getValueAsString()).isEqualTo(first.getStartElement().getValueAsString());
        assertThat(a.getEndElement().getValueAsString()).isEqualTo(second.getEndElement().getValueAsString());
        assertThat(a.getSlot()).hasSize(2);
    }

    @Test
    void aSlotAlreadyBookedIsDuplicateRejected() {
        String body = riversideBooking("Video consultation");
        booked("A20047", body);
        Appointment other = parse(body);
        other.getParticipantFirstRep().getActor().setReference("Patient/" + patientId("A20047", "9990001340"));
        HttpResponse<String> r = book("A20047", json(other));
        ProviderConformanceTest.assertError(r, 409, "DUPLICATE_REJECTED");
    }

    /** Two consumers book one slot at the same moment: exactly one appointment, the other told DUPLICATE_REJECTED. */
    @Test
    void simultaneousBookingsOfOneSlotGiveExactlyOneAppointment() throws Exception {
        Bundle b = freeSlots("A20047");
        Slot slot = firstOfType(b, "General GP Appointment");
        List<String> patients = List.of("9990000018", "9990001278", "9990001340", "9990001553", "9990001979",
                "9990000999");
        List<String> bodies = new ArrayList<>();
        for (String nhs : patients) {
            bodies.add(booking(List.of(slot), patientId("A20047", nhs), locationOf(b, slot), null, "RX9",
                    "Northshire Ambulance Service NHS Trust", null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (String body : bodies) {
                results.add(pool.submit(() -> {
                    go.await();
                    return book("A20047", body);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (var f : results) {
                responses.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
            responses.stream().filter(r -> r.statusCode() != 201)
                    .forEach(r -> ProviderConformanceTest.assertError(r, 409, "DUPLICATE_REJECTED"));
            // The provider's book agrees: one appointment holds the slot.
            int holders = 0;
            for (String nhs : patients) {
                Bundle appointments = bundle(retrieve("A20047", patientId("A20047", nhs), "ge" + today(),
                        "le" + today().plusDays(14)));
                holders += (int) all(appointments, Appointment.class).stream()
                        .filter(a -> a.getStatus() == Appointment.AppointmentStatus.BOOKED)
                        .filter(a -> a.getSlot().stream().anyMatch(s -> s.getReference().equals(
                                "Slot/" + slot.getIdElement().getIdPart()))).count();
            }
            assertThat(holders).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHubBooksWithItsOwnPatientIdNotThePractices() {
        Bundle b = freeSlots("U81001");
        Slot slot = firstOfType(b, "Extended access GP appointment");
        String atPractice = patientId("A20047", "9990001553");
        ProviderConformanceTest.assertError(book("U81001", booking(List.of(slot), atPractice, locationOf(b, slot),
                null, "RX9", "Northshire Ambulance Service NHS Trust", null)), 422, "REFERENCE_NOT_FOUND");
        String atHub = patientId("U81001", "9990001553");
        Appointment a = booked("U81001", booking(List.of(slot), atHub, locationOf(b, slot), practitionerOf(b, slot),
                "RX9", "Northshire Ambulance Service NHS Trust", null));
        assertThat(a.getParticipant()).extracting(p -> p.getActor().getReference()).contains("Patient/" + atHub);
        // The appointment is the hub's: the practice does not have it.
        ProviderConformanceTest.assertError(read("A20047", a.getIdElement().getIdPart()), 404, "NO_RECORD_FOUND");
        assertThat(read("U81001", a.getIdElement().getIdPart()).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ read and retrieve

    @Test
    void readAnUnknownAppointmentIsNotFound() {
        for (String id : List.of("Invalid4321", "8888888888")) {
            HttpResponse<String> r = read("A20047", id);
            ProviderConformanceTest.assertError(r, 404, "NO_RECORD_FOUND");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void retrieveReturnsThePatientsFutureAppointmentsIncludingCancelledOnesAndThoseBookedOutsideGpConnect() {
        String patient = patientId("A20047", "9990000018");
        HttpResponse<String> r = retrieve("A20047", patient, "ge" + today(), "le" + today().plusDays(20));
        Bundle b = bundle(r);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(b.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(r.body()).doesNotContain("fullUrl");
        List<Appointment> appointments = all(b, Appointment.class);
        assertThat(appointments).allSatisfy(a -> {
            assertThat(a.getMeta().getVersionId()).isNotBlank();
            assertThat(a.getMeta().getProfile()).extracting(p -> p.getValue())
                    .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1");
            assertThat(a.getStartElement().getValueAsString()).matches(".*\\+0[01]:00");
            assertThat(a.getParticipant()).anyMatch(p -> p.getActor().getReference().equals("Patient/" + patient));
        });
        // The seeded ones: booked at the front desk (no booking organisation), and cancelled after NHS 111 booked it.
        assertThat(appointments).anySatisfy(a -> {
            assertThat(a.getDescription()).isEqualTo("Annual asthma review");
            assertThat(a.getContained()).isEmpty();
        });
        assertThat(appointments).anySatisfy(a -> {
            assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
            assertThat(a.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1"))
                    .singleElement().satisfies(e -> assertThat(e.getValue().primitiveValue()).isEqualTo("Patient feeling better"));
        });
        // Another patient's are not there; a range with none is an empty searchset.
        assertThat(all(bundle(retrieve("A20047", patientId("A20047", "9990000085"), "ge" + today(), "le" + today())),
                Appointment.class)).isEmpty();
        // Extra parameters are ignored.
        assertThat(retrieve("A20047", patient, "ge" + today(), "le" + today().plusDays(3)).statusCode()).isEqualTo(200);
    }

    /**
     * "If the consumer sends today's date the provider SHALL return all appointments for today, if the appointments
     * are in the past ... the appointment SHALL still be returned"; Read, Amend and Cancel then refuse it.
     */
    @Test
    void todaysAppointmentsAreRetrievedEvenOnceStartedButCanNoLongerBeReadAmendedOrCancelled() {
        String patient = patientId("Y02345", "9990000018");
        Bundle b = bundle(retrieve("Y02345", patient, "ge" + today(), "le" + today()));
        Appointment today = all(b, Appointment.class).stream()
                .filter(a -> a.getDescription().equals("Callback requested by NHS 111")).findFirst().orElseThrow();
        Instant start = wire(today.getStartElement().getValueAsString()).toInstant();
        assertThat(LocalDate.ofInstant(start, UK)).isEqualTo(today());
        String id = today.getIdElement().getIdPart();
        HttpResponse<String> read = read("Y02345", id);
        Appointment amended = today.copy();
        amended.setDescription("Changed");
        Appointment cancelled = today.copy();
        cancelled.setStatus(Appointment.AppointmentStatus.CANCELLED);
        cancelled.addExtension("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1",
                new StringType("Not needed"));
        if (start.isBefore(Instant.now())) {
            ProviderConformanceTest.assertError(read, 422, "INVALID_PARAMETER");
            ProviderConformanceTest.assertError(put("Y02345", AMEND, id, json(amended), "W/\"1\""), 422, "INVALID_RESOURCE");
            ProviderConformanceTest.assertError(put("Y02345", CANCEL, id, json(cancelled), "W/\"1\""), 422, "INVALID_RESOURCE");
        } else {
            // Only in the first minutes after midnight has it not started yet.
            assertThat(read.statusCode()).isEqualTo(200);
        }
    }

    static Stream<Arguments> retrieveFaults() {
        LocalDate t = LocalDate.now(UK);
        return Stream.of(
                Arguments.of("one start", new String[] {"ge" + t}),
                Arguments.of("no start", new String[] {}),
                Arguments.of("two ge", new String[] {"ge" + t, "ge" + t.plusDays(3)}),
                Arguments.of("two le", new String[] {"le" + t, "le" + t.plusDays(3)}),
                Arguments.of("eq", new String[] {"eq" + t, "le" + t.plusDays(3)}),
                Arguments.of("no prefix", new String[] {t.toString(), "le" + t.plusDays(3)}),
                Arguments.of("in the past", new String[] {"ge" + t.minusDays(1), "le" + t.plusDays(3)}),
                Arguments.of("end before start", new String[] {"ge" + t.plusDays(3), "le" + t.plusDays(1)}),
                Arguments.of("a time", new String[] {"ge" + t + "T09:00:00+00:00", "le" + t.plusDays(3)}),
                Arguments.of("a partial date", new String[] {"ge" + t.toString().substring(0, 7), "le" + t.plusDays(3)}),
                Arguments.of("three starts", new String[] {"ge" + t, "le" + t.plusDays(3), "le" + t.plusDays(4)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retrieveFaults")
    void eachRetrieveParameterRuleIsEnforced(String name, String[] starts) {
        ProviderConformanceTest.assertError(retrieve("A20047", patientId("A20047", "9990000018"), starts), 422,
                "INVALID_PARAMETER");
    }

    @Test
    void retrieveForAPatientTheServiceDoesNotKnowIsPatientNotFound() {
        ProviderConformanceTest.assertError(retrieve("A20047", "unknown-patient", "ge" + today(), "le" + today()),
                404, "PATIENT_NOT_FOUND");
        // Another service's id for the same person is not this service's.
        ProviderConformanceTest.assertError(retrieve("U81001", patientId("A20047", "9990000018"), "ge" + today(),
                "le" + today()), 404, "PATIENT_NOT_FOUND");
    }

    // ------------------------------------------------------------------ amend

    @Test
    void theAmendExampleChangesDescriptionAndCommentWithANewVersion() {
        Appointment a = booked("A20047", riversideBooking("General GP Appointment"));
        String id = a.getIdElement().getIdPart();
        // amend-appt-request-payload-1.json: the appointment as read, without the provider's extensions,
        // serviceCategory and serviceType, with the description changed.
        Appointment read = parse(read("A20047", id).body());
        Appointment request = read.copy();
        request.getExtension().removeIf(e -> !e.getUrl().endsWith("BookingOrganisation-1"));
        request.setServiceCategory(null);
        request.getServiceType().clear();
        request.setDescription("Free text description updated.");
        HttpResponse<String> r = put("A20047", AMEND, id, json(request), "W/\"1\"");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).hasValue("W/\"2\"");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Appointment amended = parse(r.body());
        assertThat(amended.getMeta().getVersionId()).isEqualTo("2");
        assertThat(amended.getDescription()).isEqualTo("Free text description updated.");
        // The provider keeps what it populated (the schedule's category) though the request left it out.
        assertThat(amended.getServiceCategory().getText()).isEqualTo(read.getServiceCategory().getText()).isNotBlank();
        // The comment too, from the version just returned.
        Appointment again = amended.copy();
        again.setComment("Patient prefers a morning call");
        Appointment twice = parse(put("A20047", AMEND, id, json(again), "W/\"2\"").body());
        assertThat(twice.getMeta().getVersionId()).isEqualTo("3");
        assertThat(twice.getComment()).isEqualTo("Patient prefers a morning call");
        assertThat(parse(read("A20047", id).body()).getMeta().getVersionId()).isEqualTo("3");
        // A stale version is a conflict, and the appointment is unchanged.
        again.setComment("Lost update");
        ProviderConformanceTest.assertError(put("A20047", AMEND, id, json(again), "W/\"2\""), 409, "FHIR_CONSTRAINT_VIOLATION");
        ProviderConformanceTest.assertError(put("A20047", AMEND, id, json(again), "invalidEtag"), 409, "FHIR_CONSTRAINT_VIOLATION");
        assertThat(parse(read("A20047", id).body()).getComment()).isEqualTo("Patient prefers a morning call");
        // If-Match is required.
        ProviderConformanceTest.assertError(put("A20047", AMEND, id, json(again), null), 400, "BAD_REQUEST");
    }

    static Stream<Arguments> amendFaults() {
        return Stream.of(
                fault("start changed", 422, "INVALID_RESOURCE", a -> a.setStart(new Date(a.getStart().getTime() + 60_000))),
                fault("status changed", 422, "INVALID_RESOURCE", a -> a.setStatus(Appointment.AppointmentStatus.ARRIVED)),
                fault("a participant added", 422, "INVALID_RESOURCE", a -> a.addParticipant().setActor(new Reference("Patient/2"))
                        .setStatus(Appointment.ParticipationStatus.ACCEPTED)),
                fault("priority changed", 422, "INVALID_RESOURCE", a -> a.setPriority(1)),
                fault("serviceType text changed", 422, "INVALID_RESOURCE", a -> a.getServiceTypeFirstRep().setText("RANDOM TYPE TEXT")),
                fault("booking organisation changed", 422, "INVALID_RESOURCE", a ->
                        ((Organization) a.getContained().getFirst()).setName("Someone else")),
                fault("the cancellation reason extension", 422, "INVALID_RESOURCE", a -> a.addExtension(
                        "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1",
                        new StringType("no"))),
                fault("description removed", 422, "INVALID_RESOURCE", a -> a.setDescription(null)),
                fault("description of 101 characters", 422, "INVALID_RESOURCE", a -> a.setDescription("d".repeat(101))),
                fault("comment of 501 characters", 422, "INVALID_RESOURCE", a -> a.setComment("c".repeat(501))),
                fault("a reason", 422, "INVALID_RESOURCE", a -> a.addReason().setText("x")),
                fault("no GPConnect-Appointment-1 profile", 422, "INVALID_RESOURCE", a -> a.getMeta().getProfile().clear()),
                fault("an id that is not the URL's", 400, "BAD_REQUEST", a -> a.setId("another")),
                fault("no id (a new appointment)", 400, "BAD_REQUEST", a -> a.setId((String) null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amendFaults")
    void eachAmendRuleIsEnforced(String name, int status, String code, Consumer<Appointment> change) {
        Appointment a = booked("A20047", riversideBooking("General GP Appointment"));
        String id = a.getIdElement().getIdPart();
        Appointment request = parse(read("A20047", id).body());
        request.setDescription("Updated");
        change.accept(request);
        ProviderConformanceTest.assertError(put("A20047", AMEND, id, json(request), "W/\"1\""), status, code);
        assertThat(parse(read("A20047", id).body()).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void anUnknownAppointmentCannotBeAmended() {
        Appointment a = parse(riversideBooking("General GP Appointment"));
        a.setId("no-such-appointment");
        ProviderConformanceTest.assertError(put("A20047", AMEND, "no-such-appointment", json(a), "W/\"1\""), 404,
                "NO_RECORD_FOUND");
    }

    // ------------------------------------------------------------------ cancel

    @Test
    void theCancelExampleCancelsWithANewVersionAndFreesTheSlot() {
        Appointment a = booked("A20047", riversideBooking("Telephone consultation"));
        String id = a.getIdElement().getIdPart();
        String slot = a.getSlotFirstRep().getReference();
        // cancel-appt-request-payload-1.json: the appointment as read, status cancelled, the reason extension added.
        Appointment request = parse(read("A20047", id).body());
        request.setStatus(Appointment.AppointmentStatus.CANCELLED);
        request.addExtension("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1",
                new StringType("Free text cancellation reason."));
        HttpResponse<String> r = put("A20047", CANCEL, id, json(request), "W/\"1\"");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Appointment cancelled = parse(r.body());
        assertThat(cancelled.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(cancelled.getMeta().getVersionId()).isEqualTo("2");
        assertThat(r.headers().firstValue("ETag")).hasValue("W/\"2\"");
        assertThat(cancelled.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1"))
                .singleElement().satisfies(e -> assertThat(e.getValue().primitiveValue()).isEqualTo("Free text cancellation reason."));
        assertThat(cancelled.getDescription()).isEqualTo(a.getDescription());
        // "A status response 200 OK implies that ... Slot.status are updated": the slot is free again.
        assertThat(all(freeSlots("A20047"), Slot.class)).anyMatch(s -> ("Slot/" + s.getIdElement().getIdPart()).equals(slot));
        // Still retrieved, cancelled; and no longer amendable or cancellable.
        assertThat(all(bundle(retrieve("A20047", patientId("A20047", "9990000018"), "ge" + today(),
                "le" + today().plusDays(14))), Appointment.class)).anyMatch(x -> x.getIdElement().getIdPart().equals(id)
                        && x.getStatus() == Appointment.AppointmentStatus.CANCELLED);
        Appointment amend = cancelled.copy();
        amend.setDescription("Too late");
        ProviderConformanceTest.assertError(put("A20047", AMEND, id, json(amend), "W/\"2\""), 422, "INVALID_RESOURCE");
        ProviderConformanceTest.assertError(put("A20047", CANCEL, id, json(cancelled), "W/\"2\""), 422, "INVALID_RESOURCE");
        // Prefer: return=minimal on a cancel: an empty body.
        Appointment other = booked("A20047", riversideBooking("Telephone consultation"));
        Appointment cancel = parse(read("A20047", other.getIdElement().getIdPart()).body());
        cancel.setStatus(Appointment.AppointmentStatus.CANCELLED);
        cancel.addExtension("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1",
                new StringType("double booked"));
        GpcTestRequest minimal = request("A20047", CANCEL, "patient/*.write");
        minimal.method = "PUT";
        minimal.path = "/Appointment/" + other.getIdElement().getIdPart();
        minimal.body = json(cancel);
        minimal.headers.put("If-Match", "W/\"1\"");
        minimal.headers.put("Prefer", "return=minimal");
        HttpResponse<String> m = minimal.send();
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.body()).isEmpty();
    }

    static Stream<Arguments> cancelFaults() {
        String reason = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1";
        return Stream.of(
                fault("no cancellation reason", 422, "INVALID_RESOURCE", a -> a.getExtension()
                        .removeIf(e -> e.getUrl().equals(reason))),
                // Written as "valueString": "" in the JSON (HAPI's own encoder leaves an empty value out).
                fault("an empty cancellation reason", 422, "INVALID_PARAMETER", a -> a.getExtensionsByUrl(reason)
                        .getFirst().setValue(new StringType("EMPTY"))),
                fault("the reason on a wrong extension URL", 422, "INVALID_RESOURCE", a -> a.getExtensionsByUrl(reason)
                        .getFirst().setUrl("http://fhir.nhs.uk/StructuraeDefinition/extension-gpconnect-appointment-cancellation-reason-1-010")),
                fault("status left booked", 422, "INVALID_RESOURCE", a -> a.setStatus(Appointment.AppointmentStatus.BOOKED)),
                fault("comment changed", 422, "INVALID_RESOURCE", a -> a.setComment("RANDOM COMMENT")),
                fault("description changed", 422, "INVALID_RESOURCE", a -> a.setDescription("RANDOM DESCRIPTION")),
                fault("participants added", 422, "INVALID_RESOURCE", a -> a.addParticipant()
                        .setActor(new Reference("Practitioner/2")).setStatus(Appointment.ParticipationStatus.ACCEPTED)),
                fault("type text changed", 422, "INVALID_RESOURCE", a -> a.getServiceTypeFirstRep().setText("RANDOM TYPE TEXT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancelFaults")
    void eachCancelRuleIsEnforced(String name, int status, String code, Consumer<Appointment> change) {
        Appointment a = booked("A20047", riversideBooking("General GP Appointment"));
        String id = a.getIdElement().getIdPart();
        Appointment request = parse(read("A20047", id).body());
        request.setStatus(Appointment.AppointmentStatus.CANCELLED);
        request.addExtension("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1",
                new StringType("double booked"));
        change.accept(request);
        ProviderConformanceTest.assertError(put("A20047", CANCEL, id, json(request).replace("\"EMPTY\"", "\"\""),
                "W/\"1\""), status, code);
        Appointment after = parse(read("A20047", id).body());
        assertThat(after.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(after.getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void cancelNeedsTheCurrentVersion() {
        Appointment a = booked("A20047", riversideBooking("General GP Appointment"));
        String id = a.getIdElement().getIdPart();
        Appointment request = parse(read("A20047", id).body());
        request.setStatus(Appointment.AppointmentStatus.CANCELLED);
        request.addExtension("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1",
                new StringType("double booked"));
        ProviderConformanceTest.assertError(put("A20047", CANCEL, id, json(request), "W/\"7\""), 409, "FHIR_CONSTRAINT_VIOLATION");
        ProviderConformanceTest.assertError(put("A20047", CANCEL, id, json(request), null), 400, "BAD_REQUEST");
        assertThat(put("A20047", CANCEL, id, json(request), "W/\"1\"").statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ headers, interaction IDs, scopes, media types

    /** Each interaction needs its own interaction ID and its scope (the JWT page's table); anything else is 400. */
    @Test
    void eachInteractionNeedsItsInteractionIdAndScope() {
        Appointment a = booked("A20047", riversideBooking("General GP Appointment"));
        String id = a.getIdElement().getIdPart();
        String patient = patientId("A20047", "9990000018");
        record Call(String name, GpcTestRequest request, String interaction, String scope) {
        }
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("slot search", slotSearch("A20047", today(), today().plusDays(3)), SEARCH_SLOT, "organization/*.read"));
        GpcTestRequest readCall = request("A20047", READ, "patient/*.read");
        readCall.path = "/Appointment/" + id;
        calls.add(new Call("read", readCall, READ, "patient/*.read"));
        GpcTestRequest retrieveCall = request("A20047", RETRIEVE, "patient/*.read");
        retrieveCall.path = "/Patient/" + patient + "/Appointment?" + query("start", "ge" + today(), "start", "le" + today());
        calls.add(new Call("retrieve", retrieveCall, RETRIEVE, "patient/*.read"));
        GpcTestRequest bookCall = request("A20047", CREATE, "patient/*.write");
        bookCall.method = "POST";
        bookCall.path = "/Appointment";
        bookCall.body = riversideBooking("General GP Appointment");
        calls.add(new Call("book", bookCall, CREATE, "patient/*.write"));
        for (String put : List.of(AMEND, CANCEL)) {
            GpcTestRequest p = request("A20047", put, "patient/*.write");
            p.method = "PUT";
            p.path = "/Appointment/" + id;
            p.body = json(parse(read("A20047", id).body()));
            p.headers.put("If-Match", "W/\"1\"");
            calls.add(new Call(put, p, put, "patient/*.write"));
        }
        for (Call c : calls) {
            for (String other : List.of(SEARCH_SLOT, CREATE, READ, RETRIEVE, AMEND, CANCEL,
                    GpcTestRequest.SEARCH_PATIENT)) {
                if (other.equals(c.interaction()) || Set.of(AMEND, CANCEL).containsAll(Set.of(other, c.interaction()))) {
                    continue;
                }
                c.request().headers.put("Ssp-InteractionID", other);
                ProviderConformanceTest.assertError(c.request().send(), 400, "BAD_REQUEST");
            }
            c.request().headers.put("Ssp-InteractionID", c.interaction());
            for (String scope : List.of("organization/*.read", "patient/*.read", "patient/*.write", "organization/*.write")) {
                if (scope.equals(c.scope())) {
                    continue;
                }
                c.request().claims.put("requested_scope", scope);
                ProviderConformanceTest.assertError(c.request().send(), 400, "BAD_REQUEST");
            }
        }
    }

    @Test
    void theFormatParameterAndAcceptHeaderChooseJsonOrXml() {
        GpcTestRequest r = slotSearch("A20047", today(), today().plusDays(3));
        r.path += "&_format=" + URLEncoder.encode("application/fhir+xml", StandardCharsets.UTF_8);
        HttpResponse<String> xml = r.send();
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).startsWith("<Bundle");
        Appointment a = booked("A20047", riversideBooking("General GP Appointment"));
        GpcTestRequest read = request("A20047", READ, "patient/*.read");
        read.path = "/Appointment/" + a.getIdElement().getIdPart();
        read.headers.put("Accept", "application/fhir+xml");
        assertThat(read.send().body()).startsWith("<Appointment");
        read.path += "?_format=" + URLEncoder.encode("application/fhir+json", StandardCharsets.UTF_8);
        assertThat(read.send().body()).startsWith("{");
        GpcTestRequest json = slotSearch("A20047", today(), today().plusDays(3));
        json.path += "&_format=json";
        assertThat(json.send().statusCode()).isEqualTo(415);
    }

    @Test
    void requestsThisServerHasNoInteractionForAreRefusedWithAGpConnectOutcome() {
        GpcTestRequest delete = request("A20047", AMEND, "patient/*.write");
        delete.method = "DELETE";
        delete.path = "/Appointment/123";
        HttpResponse<String> r = delete.send();
        assertThat(r.statusCode()).isIn(400, 501);
        assertThat(r.body()).contains("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
        GpcTestRequest schedule = request("A20047", SEARCH_SLOT, "organization/*.read");
        schedule.path = "/Schedule";
        HttpResponse<String> s = schedule.send();
        assertThat(s.statusCode()).isIn(400, 501);
        assertThat(s.body()).contains("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
    }

    @Test
    void theCapabilityStatementListsTheAppointmentInteractions() {
        GpcTestRequest r = request("A20047", GpcTestRequest.METADATA, "organization/*.read");
        r.path = "/metadata";
        CapabilityStatement cs = STU3.newJsonParser()
                .parseResource(CapabilityStatement.class, r.send().body());
        assertThat(cs.getRestFirstRep().getResource()).anySatisfy(res -> {
            assertThat(res.getType()).isEqualTo("Appointment");
            assertThat(res.getInteraction()).extracting(i -> i.getCode().toCode()).contains("read", "create", "update");
        });
    }
}
