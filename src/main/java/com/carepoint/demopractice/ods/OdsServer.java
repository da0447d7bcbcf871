package com.carepoint.demopractice.ods;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.carepoint.demopractice.data.DemoData;
import java.io.Serial;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/**
 * A stand-in for the national organisation register (ODS) in the shape of its FHIR R4 API, the Organisation Data
 * Terminology API, written to its OpenAPI specification ({@code NHSDigital/organisation-data-terminology-api},
 * {@code specification/organisation-data-terminology-api.yaml}, published at
 * https://digital.nhs.uk/developer/api-catalogue/organisation-data-terminology), not to Carepoint's consumer:
 * {@code GET /Organization/{odsCode}} gives the organisation's name and, where the register holds one, its telephone
 * number — what Carepoint shows wherever it tells the user to phone a practice. The demo practices come from
 * {@code practices.yaml}, other organisations from {@code organisations.yaml}; an unknown code is 404; a request
 * without an API key is 401. Each rule and its source: docs/interoperability.md, "Organisation register (ODS)".
 */
public final class OdsServer extends RestfulServer {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

    public OdsServer(FhirContext r4, DemoData data) {
        super(r4);
        // Spec, "Get organisation details", responses 200 and 404: "content: application/fhir+json".
        setDefaultResponseEncoding(EncodingEnum.JSON);
        registerInterceptor(new ApiKeyRequired());
        setResourceProviders(new Organizations(data));
    }

    /**
     * Spec, "Security and authorisation": "This API is application-restricted, meaning we authenticate the calling
     * application but not the end user", using "Application-restricted RESTful APIs - API key authentication" (the
     * key travels in the {@code apikey} header; digital.nhs.uk, that pattern's page). The stand-in cannot know real
     * keys: it refuses a request with none (401), as the API platform does. The sandbox ("Sandbox (no auth)") does
     * not ask for one; this stand-in plays the integration and production environments.
     */
    static final class ApiKeyRequired {
        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
        public void check(RequestDetails request) {
            String key = request.getHeader("apikey");
            if (key == null || key.isBlank()) {
                throw new AuthenticationException("Invalid API key: the 'apikey' header is missing");
            }
        }
    }

    static final class Organizations implements IResourceProvider {
        private final DemoData data;

        Organizations(DemoData data) {
            this.data = data;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Organization.class;
        }

        /**
         * Spec, {@code /Organization/{id}}: "Use this endpoint to get details for a single organisation based on its
         * ODS code"; path parameter {@code id}: "The organisation's ODS code." Response 404: "Invalid ODS Code
         * provided, will return a 404 Not Found error", an OperationOutcome with one issue, severity {@code error},
         * code {@code processing}, diagnostics "HAPI-2001: Resource Organization/8J632648493 is not known".
         */
        @Read
        public Organization read(@IdParam IdType id) {
            String ods = id.getIdPart();
            return data.practice(ods).map(p -> organization(p.odsCode(), p.name(), p.telephone()))
                    .or(() -> data.organisation(ods).map(o -> organization(o.odsCode(), o.name(), o.telephone())))
                    .orElseThrow(() -> new ResourceNotFoundException(
                            "HAPI-2001: Resource Organization/" + ods + " is not known"));
        }

        /**
         * Spec, "Get organisation details", the 200 example (RR8): {@code id} is the ODS code; {@code meta.profile}
         * England-Organization-ODS and UKCore-Organization; {@code identifier} {@code use} official, system
         * {@code https://fhir.nhs.uk/Id/ods-organization-code}, value the ODS code; {@code active} true; {@code name};
         * {@code telecom} {@code {"system": "phone", "value": "0113 243 3144"}} — no {@code use} — ("contacts -
         * website and telephone (where available)"). Nothing else the example carries (roles, address, type) is
         * needed by Carepoint or given here.
         */
        private static Organization organization(String ods, String name, String telephone) {
            Organization o = new Organization();
            o.setId(ods);
            o.getMeta().addProfile("https://fhir.nhs.uk/England/StructureDefinition/England-Organization-ODS")
                    .addProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization");
            o.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(ODS).setValue(ods));
            o.setActive(true);
            o.setName(name);
            if (telephone != null && !telephone.isBlank()) {
                o.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(telephone);
            }
            return o;
        }
    }
}
