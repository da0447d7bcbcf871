package com.carepoint.spine;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.platform.FhirClients;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Service;

/**
 * The national demographics service (PDS FHIR API): traces a patient by NHS number or demographics. The registered
 * GP practice comes from the trace; a restricted (S-flagged) patient comes back without address or contacts.
 */
@Service
public class Demographics {

    /** The result of a demographic search. */
    public sealed interface SearchResult {
        record Matches(List<TracedPatient> patients) implements SearchResult {
        }

        record TooManyMatches() implements SearchResult {
        }
    }

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final int MAX_RESULTS = 10;

    private final FhirClients clients;
    private final SpineProperties properties;

    public Demographics(FhirClients clients, SpineProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    private IGenericClient client() {
        return clients.r4(clients.resolve(properties.pdsUrl()), new RequestIdInterceptor());
    }

    /** Retrieves a patient by NHS number; empty when PDS has no such patient. */
    public Optional<TracedPatient> trace(NhsNumber nhsNumber) {
        try {
            Patient p = clients.shownAsWritten(client().read().resource(Patient.class).withId(nhsNumber.value())
                    .execute());
            return Optional.of(toTraced(p, nhsNumber));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public SearchResult search(DemographicQuery q) {
        try {
            IQuery<Bundle> query = client().search().forResource(Patient.class)
                    .where(new StringClientParam("family").matches().value(q.familyName().trim()))
                    .and(Patient.BIRTHDATE.exactly().day(q.birthDate().toString()))
                    .returnBundle(Bundle.class);
            q.givenName().ifPresent(g -> query.and(new StringClientParam("given").matches().value(g.trim())));
            q.gender().ifPresent(g -> query.and(new TokenClientParam("gender").exactly().code(g)));
            q.postcode().ifPresent(p -> query.and(new StringClientParam("address-postalcode").matches().value(p.trim())));
            query.and(new TokenClientParam("_fuzzy-match").exactly().code("true"));
            query.and(new TokenClientParam("_max-results").exactly().code(String.valueOf(MAX_RESULTS)));
            Bundle bundle = clients.shownAsWritten(query.execute());
            if (bundle.getEntry().stream().anyMatch(e -> e.getResource() instanceof OperationOutcome)) {
                return new SearchResult.TooManyMatches();
            }
            return new SearchResult.Matches(bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(Patient.class::isInstance).map(Patient.class::cast)
                    .map(p -> toTraced(p, null))
                    .toList());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static SpineUnavailableException unavailable(RuntimeException e) {
        String detail = e instanceof BaseServerResponseException b ? " (it answered " + b.getStatusCode() + ")" : "";
        return new SpineUnavailableException("The national demographics service (PDS) could not be reached"
                + detail + ", so the patient cannot be traced. Try again in a moment; if it keeps happening, use "
                + "your organisation's fallback procedure.", e);
    }

    static TracedPatient toTraced(Patient p, NhsNumber requested) {
        NhsNumber current = new NhsNumber(p.getIdElement().getIdPart());
        boolean restricted = p.getMeta().getSecurity().stream().map(Coding::getCode)
                .anyMatch(c -> "R".equals(c) || "V".equals(c));
        HumanName name = p.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst()
                .orElse(p.getNameFirstRep());
        List<String> address = restricted || p.getAddress().isEmpty() ? List.of()
                : p.getAddressFirstRep().getLine().stream().map(PrimitiveType::getValue).toList();
        String postcode = restricted || p.getAddress().isEmpty() ? null : p.getAddressFirstRep().getPostalCode();
        Optional<String> phone = restricted ? Optional.empty()
                : p.getTelecom().stream().map(t -> t.getValue()).filter(v -> v != null).findFirst();
        Optional<LocalDate> deceased = p.hasDeceasedDateTimeType()
                ? Optional.of(LocalDate.parse(p.getDeceasedDateTimeType().getValueAsString().substring(0, 10)))
                : Optional.empty();
        Optional<String> practice = p.getGeneralPractitioner().stream().map(Reference::getIdentifier)
                .filter(i -> ODS.equals(i.getSystem())).map(i -> i.getValue()).findFirst();
        return new TracedPatient(current, requested == null ? current : requested,
                name.getPrefix().isEmpty() ? null : name.getPrefix().getFirst().getValue(),
                name.getGiven().stream().map(PrimitiveType::getValue).toList(),
                name.getFamily(),
                p.hasGender() ? p.getGender().getDisplay().toLowerCase(Locale.UK) : "unknown",
                LocalDate.parse(p.getBirthDateElement().getValueAsString()),
                deceased, restricted, address, postcode, phone, practice);
    }

}
