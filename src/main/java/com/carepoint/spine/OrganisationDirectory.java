package com.carepoint.spine;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.carepoint.platform.FhirClients;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The national organisation register (ODS, the Organisation Data Terminology FHIR R4 API): a practice's name and
 * telephone number by its ODS code, so that wherever Carepoint tells the user to phone the practice it can say which
 * number. Answers are cached for an hour (organisations' numbers seldom change); a failure is not cached.
 *
 * <p>The rules it relies on, with their sources, are in docs/interoperability.md, "Organisation register (ODS)": a
 * read {@code GET /Organization/{odsCode}} with the {@code apikey} header; 404 (an OperationOutcome) for an unknown
 * code; the telephone number a {@code telecom} with system {@code phone} and no {@code use} in the published example.
 * It is liberal in what it reads: a number without a system when it is plainly a telephone number, several numbers
 * (the best ranked, never an {@code old} or ended one), a closed ({@code active} false) organisation — and safe: an
 * answer about another organisation is not shown.
 */
@Service
public class OrganisationDirectory {

    /** The ODS code's identifier system (the specification's examples: {@code identifier.system}). */
    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    private static final Logger log = LoggerFactory.getLogger(OrganisationDirectory.class);

    private final FhirClients clients;
    private final OdsProperties properties;
    private final Cache<String, Optional<OrganisationContact>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000).build();

    public OrganisationDirectory(FhirClients clients, OdsProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    /**
     * The organisation, or empty when the register has no organisation with this code.
     *
     * @throws SpineUnavailableException when the register could not be asked, or answered about another organisation
     */
    public Optional<OrganisationContact> lookup(String odsCode) {
        String ods = odsCode.trim().toUpperCase(Locale.UK);
        if (!ods.matches("[A-Z0-9]{3,10}")) {
            return Optional.empty();
        }
        Optional<OrganisationContact> known = cache.getIfPresent(ods);
        if (known != null) {
            return known;
        }
        Optional<OrganisationContact> found;
        try {
            Organization o = clients.shownAsWritten(clients.r4(clients.resolve(properties.url()),
                    new RequestIdInterceptor(), new ApiKey(properties.apiKey())).read()
                    .resource(Organization.class).withId(ods).execute());
            if (!isAbout(o, ods)) {
                log.warn("Organisation register answered about another organisation for ods={}", ods);
                throw new SpineUnavailableException("The national organisation register answered about another "
                        + "organisation.", null);
            }
            found = Optional.of(new OrganisationContact(ods, o.hasName() && !o.getName().isBlank() ? o.getName() : ods,
                    telephone(o.getTelecom()), !o.hasActive() || o.getActive()));
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            // 404 is the specification's answer for an unknown code; 410 (a deleted record) is read the same way.
            found = Optional.empty();
        } catch (SpineUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Organisation register lookup failed for ods={}: {}", ods, e.getClass().getSimpleName());
            throw new SpineUnavailableException("The national organisation register could not be reached.", e);
        }
        cache.put(ods, found);
        return found;
    }

    /**
     * Whether the answer is the organisation asked for: its ODS identifier when it has one (the specification's
     * examples always do), otherwise its id (which the specification's examples set to the ODS code).
     */
    static boolean isAbout(Organization o, String ods) {
        List<String> codes = o.getIdentifier().stream().filter(i -> ODS_SYSTEM.equals(i.getSystem()) && i.hasValue())
                .map(i -> i.getValue().trim()).toList();
        if (!codes.isEmpty()) {
            return codes.stream().anyMatch(ods::equalsIgnoreCase);
        }
        return !o.getIdElement().hasIdPart() || ods.equalsIgnoreCase(o.getIdElement().getIdPart());
    }

    /**
     * The number to phone: a telecom with system {@code phone} (or, liberally, no system but a value that is plainly a
     * telephone number), not {@code old} and not ended, the best ranked first (rank 1 is the most preferred), then in
     * the order given.
     */
    static Optional<String> telephone(List<ContactPoint> telecom) {
        Date now = new Date();
        return telecom.stream()
                .filter(t -> t.hasValue() && !t.getValue().isBlank())
                .filter(t -> t.getSystem() == ContactPointSystem.PHONE
                        || (t.getSystem() == null && looksLikeTelephoneNumber(t.getValue())))
                .filter(t -> t.getUse() != ContactPointUse.OLD)
                .filter(t -> !(t.hasPeriod() && t.getPeriod().hasEnd() && t.getPeriod().getEnd().before(now)))
                .sorted(Comparator.comparingInt((ContactPoint t) -> t.getSystem() == ContactPointSystem.PHONE ? 0 : 1)
                        .thenComparingInt(t -> t.hasRank() ? t.getRank() : Integer.MAX_VALUE))
                .map(t -> t.getValue().trim())
                .findFirst();
    }

    /** Digits with the usual separators ({@code 0113 243 3144}, {@code +44 (0)113 243 3144}), at least six digits. */
    static boolean looksLikeTelephoneNumber(String value) {
        String v = value.trim();
        return v.matches("\\+?[0-9 ()\\-.]+") && v.chars().filter(Character::isDigit).count() >= 6;
    }

    /**
     * The API key: the API is "application-restricted ... API key authentication" (its OpenAPI specification,
     * "Security and authorisation"); the header is {@code apikey}. None is sent when no key is configured.
     */
    static final class ApiKey implements IClientInterceptor {
        static final String HEADER = "apikey";
        private final String key;

        ApiKey(String key) {
            this.key = key == null ? "" : key.trim();
        }

        @Override
        public void interceptRequest(IHttpRequest request) {
            if (!key.isEmpty()) {
                request.addHeader(HEADER, key);
            }
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
            // Nothing to do with the response.
        }
    }
}
