package com.carepoint.demopractice.sds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.data.DirectoryEntry;
import com.carepoint.demopractice.pds.PdsErrors;
import com.carepoint.demopractice.pds.PdsServer;
import java.io.Serial;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;

/**
 * A stand-in for the Spine Directory Service in the shape of the SDS FHIR API (R4): {@code GET /Endpoint} by the
 * practice's ODS code and the interaction ID gives the service root ({@code address}) and the ASID. The entry for
 * the exact interaction wins over a practice's catch-all ({@code *}) entry.
 */
public final class SdsServer extends RestfulServer {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String INTERACTION = "https://fhir.nhs.uk/Id/nhsServiceInteractionId";
    static final String ASID = "https://fhir.nhs.uk/Id/nhsSpineASID";

    public SdsServer(FhirContext r4, DemoData data) {
        super(r4);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        registerInterceptor(new PdsServer.RequestIdRequired());
        setResourceProviders(new Endpoints(data));
    }

    static final class Endpoints implements IResourceProvider {
        private final DemoData data;

        Endpoints(DemoData data) {
            this.data = data;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Endpoint.class;
        }

        @Search
        public List<Endpoint> search(@RequiredParam(name = "organization") TokenParam organization,
                @RequiredParam(name = "identifier") TokenParam identifier, RequestDetails request) {
            if (!ODS.equals(organization.getSystem())) {
                throw PdsErrors.error(400, "INVALID_PARAMETER", "organization must be in " + ODS);
            }
            if (!INTERACTION.equals(identifier.getSystem())) {
                throw PdsErrors.error(400, "INVALID_PARAMETER", "identifier must be in " + INTERACTION);
            }
            String ods = organization.getValue();
            String interaction = identifier.getValue();
            Optional<DirectoryEntry> entry = data.directory().stream()
                    .filter(e -> e.odsCode().equalsIgnoreCase(ods) && e.interactionId().equals(interaction))
                    .findFirst()
                    .or(() -> data.directory().stream()
                            .filter(e -> e.odsCode().equalsIgnoreCase(ods) && "*".equals(e.interactionId()))
                            .findFirst());
            return entry.map(e -> List.of(endpoint(e, interaction, appBase(request)))).orElse(List.of());
        }

        private static Endpoint endpoint(DirectoryEntry e, String interaction, String base) {
            Endpoint endpoint = new Endpoint();
            endpoint.setId(e.odsCode() + "-" + Math.abs(interaction.hashCode()));
            endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
            endpoint.setAddress(e.serviceRoot().startsWith("/") ? base + e.serviceRoot() : e.serviceRoot());
            endpoint.addIdentifier(new Identifier().setSystem(ASID).setValue(e.asid()));
            endpoint.addIdentifier(new Identifier().setSystem(INTERACTION).setValue(interaction));
            endpoint.getManagingOrganization().setIdentifier(new Identifier().setSystem(ODS).setValue(e.odsCode()));
            return endpoint;
        }

        /** This Carepoint's own base URL, from the request (scheme, host, port and context path). */
        private static String appBase(RequestDetails request) {
            String server = request.getFhirServerBase();
            int demo = server.indexOf("/demo/sds/");
            return demo >= 0 ? server.substring(0, demo) : server;
        }
    }
}
