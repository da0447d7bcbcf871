package com.carepoint.spine;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import com.carepoint.platform.FhirClients;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Spine Directory Service: which service root and ASID serve a practice for one GP Connect interaction. A practice
 * can have a different endpoint per capability, so lookups are always by ODS code <em>and</em> interaction ID.
 */
@Service
public class EndpointDirectory {

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String INTERACTION = "https://fhir.nhs.uk/Id/nhsServiceInteractionId";
    static final String ASID = "https://fhir.nhs.uk/Id/nhsSpineASID";

    private final FhirClients clients;
    private final SpineProperties properties;

    public EndpointDirectory(FhirClients clients, SpineProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    public Optional<ProviderEndpoint> lookup(String odsCode, String interactionId) {
        IGenericClient client = clients.r4(clients.resolve(properties.sdsUrl()), new RequestIdInterceptor());
        Bundle result;
        try {
            result = client.search().forResource(Endpoint.class)
                    .where(new TokenClientParam("organization").exactly().systemAndCode(ODS, odsCode))
                    .and(Endpoint.IDENTIFIER.exactly().systemAndCode(INTERACTION, interactionId))
                    .returnBundle(Bundle.class)
                    .execute();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(EndpointDirectory.class).warn("Directory lookup failed for ods={}: {}",
                    odsCode, e.toString());
            throw new SpineUnavailableException("The NHS directory of GP systems could not be reached, so Carepoint "
                    + "cannot tell where this patient's GP record is held. Try again in a moment.", e);
        }
        return result.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Endpoint.class::isInstance).map(Endpoint.class::cast)
                .findFirst()
                .map(e -> new ProviderEndpoint(odsCode, interactionId, e.getAddress(), e.getIdentifier().stream()
                        .filter(i -> ASID.equals(i.getSystem())).map(Identifier::getValue).findFirst().orElse("")));
    }
}
