package com.carepoint.demopractice.provider;

import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.carepoint.demopractice.data.Practice;
import java.util.Date;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.Meta;

/** The practice's CapabilityStatement, which states the GP Connect version it implements. */
public final class PracticeCapabilityStatement {

    private final Practice practice;
    private final EndpointKind kind;

    PracticeCapabilityStatement(Practice practice, EndpointKind kind) {
        this.practice = practice;
        this.kind = kind;
    }

    /** HAPI hands the server to its conformance provider; this one needs nothing from it. */
    public void setRestfulServer(RestfulServer server) {
        // The statement is built from the practice's own configuration.
    }

    @Metadata
    public CapabilityStatement getServerConformance() {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setMeta(new Meta().addProfile("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-CapabilityStatement-1"));
        cs.setVersion(practice.reportedVersion());
        cs.setName((kind == EndpointKind.STRUCTURED ? "GP Connect Access Record Structured "
                : kind == EndpointKind.DOCUMENTS ? "GP Connect API - Access Document " : "GP Connect ")
                + practice.reportedVersion() + " - " + practice.name());
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date());
        cs.setPublisher(practice.supplier() == Practice.Supplier.MERIDIAN ? "Meridian Clinical (demo)" : "Optimum GP (demo)");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName(practice.supplier() == Practice.Supplier.MERIDIAN ? "Meridian Clinical" : "Optimum GP")
                .setVersion("demo");
        cs.setFhirVersion("3.0.1");
        cs.setAcceptUnknown(CapabilityStatement.UnknownContentCode.BOTH);
        cs.addFormat("application/fhir+json");
        cs.addFormat("application/fhir+xml");
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        if (kind == EndpointKind.DOCUMENTS) {
            // access_documents_use_case_get_the_fhir_capability_statement.md: Patient read and search-type,
            // Binary read, DocumentReference search-type with its search parameters and includes.
            rest.addResource().setType("Patient")
                    .addInteraction(new CapabilityStatement.ResourceInteractionComponent()
                            .setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE))
                    .addSearchParam().setName("identifier").setType(Enumerations.SearchParamType.TOKEN);
            rest.addResource().setType("Binary").addInteraction(new CapabilityStatement.ResourceInteractionComponent()
                    .setCode(CapabilityStatement.TypeRestfulInteraction.READ));
            CapabilityStatement.CapabilityStatementRestResourceComponent docs = rest.addResource()
                    .setType("DocumentReference");
            docs.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            DocumentsProvider.MANDATORY_INCLUDES.forEach(docs::addSearchInclude);
            docs.addSearchRevInclude(DocumentsProvider.MANDATORY_REVINCLUDE);
            docs.addSearchParam().setName("created").setType(Enumerations.SearchParamType.DATE);
            docs.addSearchParam().setName("facility").setType(Enumerations.SearchParamType.TOKEN);
            docs.addSearchParam().setName("author").setType(Enumerations.SearchParamType.REFERENCE);
            docs.addSearchParam().setName("type").setType(Enumerations.SearchParamType.TOKEN);
            docs.addSearchParam().setName("description").setType(Enumerations.SearchParamType.STRING);
        }
        if (kind != EndpointKind.STRUCTURED && kind != EndpointKind.DOCUMENTS && practice.capabilities().appointments()) {
            // Appointment Management: Search for free slots, and Book / Read / Amend and Cancel (update) an
            // appointment; a patient's appointments are searched in the Patient compartment.
            rest.addResource().setType("Slot").addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            CapabilityStatement.CapabilityStatementRestResourceComponent appointment = rest.addResource()
                    .setType("Appointment");
            appointment.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
            appointment.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
            appointment.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.UPDATE);
            appointment.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        }
        return cs;
    }
}
