package com.carepoint.demopractice.provider;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.carepoint.demopractice.data.Practice;
import java.util.List;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Organization, Practitioner and Location read and search for one demo practice. */
final class FoundationProviders {

    private FoundationProviders() {
    }

    static List<IResourceProvider> of(Practice practice) {
        Foundations f = new Foundations(practice);
        return List.of(new Organizations(practice, f), new Practitioners(practice, f), new Locations(practice, f));
    }

    static final class Organizations implements IResourceProvider {
        private final Practice practice;
        private final Foundations f;

        Organizations(Practice practice, Foundations f) {
            this.practice = practice;
            this.f = f;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Organization.class;
        }

        @Read
        public Organization read(@IdParam IdType id) {
            if (!f.organizationId().equals(id.getIdPart())) {
                throw GpcErrors.notFound("ORGANISATION_NOT_FOUND", "Organisation record not found",
                        "No organisation with id " + id.getIdPart());
            }
            return f.organization();
        }

        @Search
        public List<Organization> search(@RequiredParam(name = Organization.SP_IDENTIFIER) TokenParam identifier) {
            if (!Gpc.ODS_ORGANIZATION.equals(identifier.getSystem())) {
                throw GpcErrors.invalidIdentifierSystem("identifier system must be " + Gpc.ODS_ORGANIZATION);
            }
            return practice.odsCode().equalsIgnoreCase(identifier.getValue()) ? List.of(f.organization()) : List.of();
        }
    }

    static final class Practitioners implements IResourceProvider {
        private final Practice practice;
        private final Foundations f;

        Practitioners(Practice practice, Foundations f) {
            this.practice = practice;
            this.f = f;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Practitioner.class;
        }

        @Read
        public Practitioner read(@IdParam IdType id) {
            return practice.practitioners().stream()
                    .filter(c -> Ids.of("practitioner", c.id()).equals(id.getIdPart()))
                    .findFirst().map(f::practitioner)
                    .orElseThrow(() -> GpcErrors.notFound("PRACTITIONER_NOT_FOUND", "Practitioner record not found",
                            "No practitioner with id " + id.getIdPart()));
        }

        @Search
        public List<Practitioner> search(@RequiredParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier) {
            if (!Gpc.SDS_USER.equals(identifier.getSystem())) {
                throw GpcErrors.invalidIdentifierSystem("identifier system must be " + Gpc.SDS_USER);
            }
            return practice.practitioners().stream().filter(c -> c.sdsUserId().equals(identifier.getValue()))
                    .map(f::practitioner).toList();
        }
    }

    static final class Locations implements IResourceProvider {
        private final Practice practice;
        private final Foundations f;

        Locations(Practice practice, Foundations f) {
            this.practice = practice;
            this.f = f;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Location.class;
        }

        @Read
        public Location read(@IdParam IdType id) {
            return practice.locations().stream()
                    .filter(s -> Ids.of("location", s.id()).equals(id.getIdPart()))
                    .findFirst().map(f::location)
                    .orElseThrow(() -> GpcErrors.notFound("LOCATION_NOT_FOUND", "Location record not found",
                            "No location with id " + id.getIdPart()));
        }
    }
}
