package com.carepoint.gpconnect;

import com.carepoint.access.CurrentUser;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.platform.FhirClients;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.EndpointDirectory;
import com.carepoint.spine.ProviderEndpoint;
import java.time.Clock;
import java.util.UUID;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.springframework.boot.test.context.TestComponent;

/** Fetches a structured record section's raw JSON exactly as Carepoint asks for it (for the benchmark). */
@TestComponent
class EndpointDirectoryAccess {

    private final EndpointDirectory directory;
    private final FhirClients clients;
    private final GpConnectProperties properties;

    EndpointDirectoryAccess(EndpointDirectory directory, FhirClients clients, GpConnectProperties properties) {
        this.directory = directory;
        this.clients = clients;
        this.properties = properties;
    }

    String rawStructuredRecord(CurrentUser user, TracedPatient patient, SectionKind kind) {
        ProviderEndpoint ep = directory.lookup(patient.registeredPracticeOds().orElseThrow(), Interactions.STRUCTURED)
                .orElseThrow();
        Parameters parameters = StructuredRequests.parameters(SectionRequest.FULL, patient.nhsNumber().value(), kind);
        var client = clients.stu3(ep.serviceRoot(), new GpcHeaders(UUID.randomUUID().toString(),
                properties.consumerAsid(), ep.asid(), Interactions.STRUCTURED,
                () -> GpcJwt.create(user, ep.serviceRoot(), "patient/*.read conf/N", properties, Clock.systemUTC())));
        Bundle bundle = client.operation().onType(Patient.class)
                .named("$gpc.getstructuredrecord").withParameters(parameters)
                .returnResourceType(Bundle.class).execute();
        // The provider's answer as JSON text again, so that parsing can be timed on its own.
        return FhirClients.STU3.newJsonParser().encodeResourceToString(bundle);
    }
}
