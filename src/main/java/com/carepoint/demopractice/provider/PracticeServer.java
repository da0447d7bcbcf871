package com.carepoint.demopractice.provider;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.carepoint.demopractice.data.Practice;
import com.carepoint.demopractice.documents.PracticeDocuments;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One service root of a demo practice: a HAPI plain server with the strict GP Connect checks in front. */
public final class PracticeServer extends RestfulServer {

    @Serial
    private static final long serialVersionUID = 1L;

    public PracticeServer(FhirContext fhir, Practice practice, EndpointKind kind, DemoRecords records,
            DemoAppointments appointments, PracticeDocuments documents) {
        super(fhir);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        registerInterceptor(new StrictRequestInterceptor(practice, kind, records.clock(),
                ods -> records.data().organisation(ods).map(o -> o.type())));
        registerInterceptor(new GpcExceptionInterceptor());
        List<IResourceProvider> providers = new ArrayList<>();
        if (kind == EndpointKind.DOCUMENTS) {
            providers.add(new DocumentsProvider(practice, records, documents));
            providers.add(new BinaryProvider(practice, documents));
        } else {
            providers.addAll(FoundationProviders.of(practice));
            // The appointment book is opened on first use, not at start-up.
            Supplier<PracticeAppointments> service = () -> appointments.of(practice);
            providers.add(new PatientProvider(fhir, practice, records, service));
            providers.add(new SlotProvider(service));
            providers.add(new AppointmentProvider(fhir, service));
        }
        setResourceProviders(providers);
        setServerConformanceProvider(new PracticeCapabilityStatement(practice, kind));
    }
}
