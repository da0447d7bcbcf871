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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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

    private final Supplier<PracticeAppointments> services;

    PatientProvider(FhirContext fhir, Practice practice, DemoRecords records, Supplier<PracticeAppointments> services) {
        this.fhir = fhir;
        this.practice = practice;
        this.records = records;
        this.foundations = new Foundations(practice);
        this.services = services;
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
                .filter(p -> foundations.patientId(p).equals(id.getIdPart()))
                .findFirst()
                .flatMap(p -> registered(p.nhsNumber()))
                .map(foundations::patient)
                .orElseThrow(() -> GpcErrors.patientNotFound("No patient with id " + id.getIdPart()));
    }

    /**
     * Retrieve a patient's appointments (nhsconnect/gpconnect,
     * pages/appointments/appointments_use_case_retrieve_a_patients_appointments.md): {@code GET
     * /Patient/[id]/Appointment?start=ge[date]&start=le[date]}. Providers "SHALL support the search prefixes ge and
     * le"; "SHALL return an error if any part of the consumer requested search range is in the past" (but "If the
     * consumer sends today's date the provider SHALL return all appointments for today", even those already past);
     * "SHALL return an error if either of the date parameters contain a time element"; "if either of the two start
     * date parameters are not sent"; "Where the use of the start search parameter does not define a valid date range,
     * HTTP Status code 422 with error code INVALID_PARAMETER". "All appointments including cancelled appointments
     * should be returned ... no additional filtering should be applied." An unknown patient id: 404
     * PATIENT_NOT_FOUND (the NHS provider test suite expects 404).
     */
    @Search(compartmentName = "Appointment", allowUnknownParams = true)
    public Bundle appointments(@IdParam IdType patientId, RequestDetails request) {
        PracticeAppointments appointments = services.get();
        if (appointments.patient(patientId.getIdPart()).isEmpty()) {
            throw GpcErrors.patientNotFound("No patient with id " + patientId.getIdPart() + " at this service");
        }
        String[] starts = request.getParameters().get("start");
        if (starts == null || starts.length != 2) {
            throw GpcErrors.invalidParameter("Two start parameters are required: start=ge[date]&start=le[date]");
        }
        LocalDate from = null;
        LocalDate to = null;
        for (String s : starts) {
            String prefix = s.length() >= 2 ? s.substring(0, 2) : "";
            String value = s.length() >= 2 ? s.substring(2) : s;
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw GpcErrors.invalidParameter("start " + s + ": a date yyyy-mm-dd with a ge or le prefix, no time");
            }
            LocalDate d;
            try {
                d = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw GpcErrors.invalidParameter("start " + s + " is not a valid date");
            }
            if ("ge".equals(prefix) && from == null) {
                from = d;
            } else if ("le".equals(prefix) && to == null) {
                to = d;
            } else {
                throw GpcErrors.invalidParameter("One start parameter with the ge prefix and one with le are required");
            }
        }
        LocalDate today = appointments.today();
        if (from.isBefore(today) || to.isBefore(today)) {
            throw GpcErrors.invalidParameter("The search parameters cannot request appointments in the past: the "
                    + "earliest date is today, " + today);
        }
        if (to.isBefore(from)) {
            throw GpcErrors.invalidParameter("start=le" + to + " is before start=ge" + from);
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        appointments.book().forPatient(patientId.getIdPart(), from.atStartOfDay(UkTime.UK).toInstant(),
                to.plusDays(1).atStartOfDay(UkTime.UK).toInstant())
                .forEach(a -> bundle.addEntry().setResource(a.served()));
        return bundle;
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

    /**
     * A patient this practice will answer for: registered here (or, at a hub or out-of-hours service, at a practice
     * it serves), not sensitive, not deceased.
     */
    private Optional<PatientRecord> registered(String nhsNumber) {
        return records.record(nhsNumber)
                .filter(p -> practice.serves(p.practice()))
                .filter(p -> !p.flags().sensitive())
                .filter(p -> p.flags().deceased() == null);
    }
}
