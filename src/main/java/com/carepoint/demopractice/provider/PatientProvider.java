package com.carepoint.demopractice.provider;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.data.Practice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Patient search and read, and the structured record operation, for one demo practice. */
final class PatientProvider implements IResourceProvider {

    private final FhirContext fhir;
    private final Practice practice;
    private final DemoRecords records;
    private final Foundations foundations;

    PatientProvider(FhirContext fhir, Practice practice, DemoRecords records) {
        this.fhir = fhir;
        this.practice = practice;
        this.records = records;
        this.foundations = new Foundations(practice);
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /** Search by NHS number. No match, and a sensitive or deceased patient, give an empty result (not an error). */
    @Search
    public List<Patient> search(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
        if (!Gpc.NHS_NUMBER.equals(identifier.getSystem())) {
            throw GpcErrors.invalidIdentifierSystem("identifier system must be " + Gpc.NHS_NUMBER);
        }
        if (!Gpc.validNhsNumber(identifier.getValue())) {
            throw GpcErrors.invalidNhsNumber("identifier value is not a valid NHS number");
        }
        return registered(identifier.getValue()).map(r -> List.of(foundations.patient(r))).orElse(List.of());
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return records.data().patients().stream()
                .filter(p -> Ids.patient(p.nhsNumber()).equals(id.getIdPart()))
                .findFirst()
                .flatMap(p -> registered(p.nhsNumber()))
                .map(foundations::patient)
                .orElseThrow(() -> GpcErrors.patientNotFound("No patient with id " + id.getIdPart()));
    }

    @Operation(name = Gpc.STRUCTURED_OPERATION, type = Patient.class, idempotent = false, manualRequest = true)
    public Bundle getStructuredRecord(RequestDetails request) {
        Parameters parameters;
        try {
            byte[] body = request.loadRequestContents();
            parameters = fhir.newJsonParser().parseResource(Parameters.class,
                    new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException e) {
            throw GpcErrors.invalidResource("The request body is not a valid FHIR STU3 Parameters resource");
        }
        StructuredRecordRequest parsed = StructuredRecordRequest.parse(parameters,
                StructuredRecordRequest.today(records.clock()));
        PatientRecord patient = registered(parsed.nhsNumber())
                .orElseThrow(() -> GpcErrors.patientNotFound("No patient with this NHS number is registered here"));
        if (patient.flags().dissent()) {
            throw GpcErrors.noPatientConsent("The patient has dissented from sharing their record");
        }
        // A broken GP system: a request for this patient is answered with another patient's record.
        PatientRecord answered = patient.answeredWithRecordOf() == null ? patient
                : records.record(patient.answeredWithRecordOf()).orElse(patient);
        return new StructuredRecordBuilder(practice, answered, parsed, StructuredRecordRequest.today(records.clock()))
                .build();
    }

    /** A patient this practice will answer for: registered here, not sensitive, not deceased. */
    private Optional<PatientRecord> registered(String nhsNumber) {
        return records.record(nhsNumber)
                .filter(p -> practice.odsCode().equals(p.practice()))
                .filter(p -> !p.flags().sensitive())
                .filter(p -> p.flags().deceased() == null);
    }
}
