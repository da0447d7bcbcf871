package com.carepoint.spine;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.carepoint.platform.FhirClients;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The national organisation register (ODS, FHIR R4 API): a practice's name and telephone number by its ODS code, so
 * that wherever Carepoint tells the user to phone the practice it can say which number. Answers are cached for an
 * hour (organisations' numbers seldom change); a failure is not cached.
 */
@Service
public class OrganisationDirectory {

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
     * @throws SpineUnavailableException when the register could not be asked
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
            Organization o = clients.r4(clients.resolve(properties.url()), new RequestIdInterceptor()).read()
                    .resource(Organization.class).withId(ods).execute();
            found = Optional.of(new OrganisationContact(ods, o.hasName() ? o.getName() : ods, o.getTelecom().stream()
                    .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                    .map(ContactPoint::getValue).findFirst()));
        } catch (ResourceNotFoundException e) {
            found = Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Organisation register lookup failed for ods={}: {}", ods, e.getClass().getSimpleName());
            throw new SpineUnavailableException("The national organisation register could not be reached.", e);
        }
        cache.put(ods, found);
        return found;
    }
}
