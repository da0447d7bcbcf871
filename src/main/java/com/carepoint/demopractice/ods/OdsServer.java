package com.carepoint.demopractice.ods;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.pds.PdsServer;
import java.io.Serial;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/**
 * A stand-in for the national organisation register (ODS) in the shape of its FHIR R4 API: {@code GET
 * /Organization/{odsCode}} gives the organisation's name and, where the register holds one, its telephone number
 * ({@code telecom}, system {@code phone}) — what Carepoint shows wherever it tells the user to phone a practice. The
 * demo practices come from {@code practices.yaml}, other organisations from {@code organisations.yaml}; an unknown
 * code is 404.
 */
public final class OdsServer extends RestfulServer {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

    public OdsServer(FhirContext r4, DemoData data) {
        super(r4);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        registerInterceptor(new PdsServer.RequestIdRequired());
        setResourceProviders(new Organizations(data));
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

        @Read
        public Organization read(@IdParam IdType id) {
            String ods = id.getIdPart();
            return data.practice(ods).map(p -> organization(p.odsCode(), p.name(), p.telephone()))
                    .or(() -> data.organisation(ods).map(o -> organization(o.odsCode(), o.name(), o.telephone())))
                    .orElseThrow(() -> new ResourceNotFoundException("No organisation with ODS code " + ods));
        }

        private static Organization organization(String ods, String name, String telephone) {
            Organization o = new Organization();
            o.setId(ods);
            o.addIdentifier(new Identifier().setSystem(ODS).setValue(ods));
            o.setActive(true);
            o.setName(name);
            if (telephone != null && !telephone.isBlank()) {
                o.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(telephone)
                        .setUse(ContactPoint.ContactPointUse.WORK);
            }
            return o;
        }
    }
}
