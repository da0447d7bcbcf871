package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.Application;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.Test;
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

    static String raw(Resource r, String element) {
        return STU3.newJsonParser().encodeResourceToString(r).replaceAll(".*\"" + element + "\":\"([^\"]+)\".*", "$1");
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
                    .singleElement().satisfies(e -> assertThat(((org.hl7.fhir.dstu3.model.CodeableConcept) e.getValue())
                            .getCodingFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1"));
            assertThat(s.getServiceCategory().getText()).isNotBlank();
            assertThat(s.getActor()).anyMatch(a -> a.getReference().startsWith("Location/"));
            assertThat(s.getPlanningHorizon().getStartElement().getValueAsString()).matches(".*\\+0[01]:00");
            for (var actor : s.getActor()) {
                assertThat(b.getEntry()).anyMatch(e -> (e.getResource().fhirType() + "/"
                        + e.getResource().getIdElement().getIdPart()).equals(actor.getReference()));
            }
        }
        assertThat(all(b, org.hl7.fhir.dstu3.model.Location.class))
                .allSatisfy(l -> assertThat(l.getManagingOrganization().getReference()).startsWith("Organization/"));
        assertThat(all(b, org.hl7.fhir.dstu3.model.Organization.class)).singleElement()
                .satisfies(o -> assertThat(o.getIdentifierFirstRep().getValue()).isEqualTo("A20047"));
    }
}
