package com.carepoint.demopractice.provider;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.carepoint.demopractice.provider.AppointmentBook.Stored;
import com.carepoint.demopractice.provider.AppointmentRules.Booking;
import com.carepoint.demopractice.provider.AppointmentRules.Change;
import java.util.function.Supplier;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Book, read, amend and cancel an appointment (nhsconnect/gpconnect, pages/appointments/appointments_use_case_*.md).
 * The body is read raw ({@code @ResourceParam String}) and parsed strictly by {@link Bodies}, so that each rule of
 * the pages gives its own error code rather than HAPI's.
 */
final class AppointmentProvider implements IResourceProvider {

    private final FhirContext fhir;
    private final Supplier<PracticeAppointments> services;

    AppointmentProvider(FhirContext fhir, Supplier<PracticeAppointments> services) {
        this.fhir = fhir;
        this.services = services;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Appointment.class;
    }

    /**
     * Read an appointment: "a 404 HTTP Status code" for an id that "is not valid/can't be found"; "SHALL return an
     * error if the appointment being read is in the past (the appointment start dateTime is before the current date
     * and time)" (code not named: INVALID_PARAMETER, the id asking for what may not be read, as Retrieve's past
     * ranges are); "SHALL include the versionId of the current version", which HAPI also sends as {@code ETag:
     * W/"[versionId]"} (general API guidance: "servers SHALL always return an ETag header with each resource").
     */
    @Read
    public Appointment read(@IdParam IdType id) {
        PracticeAppointments service = services.get();
        Stored stored = service.book().get(id.getIdPart()).orElseThrow(() -> GpcErrors.noRecordFound(
                "No appointment with id " + id.getIdPart()));
        if (!stored.start().isAfter(service.now())) {
            throw GpcErrors.invalidParameter("Appointment " + id.getIdPart() + " started at "
                    + UkTime.format(stored.start()) + "; only future appointments can be read");
        }
        return stored.served();
    }

    /**
     * Book an appointment: "SHALL return a 201 Created HTTP status code"; "SHALL return a Location header"
     * ({@code [base]/Appointment/[id]/_history/[vid]}, FHIR API guidance "Create resource"); "SHALL return an
     * HTTP status "409" with an error message "DUPLICATE_REJECTED" when an appointment cannot be booked because the
     * referenced slots within the appointment resource no longer have the status free". {@code Prefer:
     * return=minimal} is honoured by HAPI (general API guidance: "Servers SHOULD honour a return=minimal or
     * return=representation preference").
     */
    @Create
    public MethodOutcome book(@ResourceParam String ignored, RequestDetails request) {
        PracticeAppointments service = services.get();
        Appointment a = Bodies.parse(fhir, request, Appointment.class);
        Booking booking = AppointmentRules.checkBooking(a, service);
        Appointment stored = a.copy();
        AppointmentRules.populate(stored, service, booking.slots());
        Stored saved;
        try {
            saved = service.book().book(stored, booking.patientId(),
                    booking.slots().stream().map(Schedules.Slot::id).toList(), booking.slots().getFirst().start(),
                    false);
        } catch (AppointmentBook.SlotTaken e) {
            throw GpcErrors.duplicateRejected(e.getMessage() + ": it was booked after the search for free slots");
        }
        return outcome(saved, true);
    }

    /**
     * Amend and Cancel share {@code PUT /Appointment/[id]}; the interaction ID says which
     * ({@code ...:update:appointment-1} or {@code ...:cancel:appointment-1}). Both need {@code If-Match} with the
     * current ETag ("The Appointment's current ETag, e.g. W/"23"", Request headers): missing, it is BAD_REQUEST ("an
     * expected header ... is missing or invalid", error handling guidance); not the current version, "the server
     * returns a 409 Conflict status code instead of updating the resource" (general API guidance, "Managing
     * resource contention").
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam String ignored, RequestDetails request) {
        PracticeAppointments service = services.get();
        Change change = Gpc.CANCEL_APPOINTMENT.equals(String.valueOf(request.getHeader("Ssp-InteractionID")).trim())
                ? Change.CANCEL : Change.AMEND;
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw GpcErrors.badRequest("If-Match with the appointment's current ETag (W/\"[versionId]\") is required");
        }
        Appointment a = Bodies.parse(fhir, request, Appointment.class,
                change == Change.CANCEL ? AppointmentRules::checkCancellationReasonValue : x -> {
                });
        // FHIR STU3 update: the body's id must be the id in the URL.
        if (!a.hasIdElement() || !id.getIdPart().equals(a.getIdElement().getIdPart())) {
            throw GpcErrors.badRequest("The Appointment's id must be the id in the URL (" + id.getIdPart() + ")");
        }
        if (service.book().get(id.getIdPart()).isEmpty()) {
            throw GpcErrors.noRecordFound("No appointment with id " + id.getIdPart());
        }
        // W/"[versionId]" as the pages show it; a strong "[versionId]" names the same version unambiguously. Anything
        // else matches no version (409), as the NHS provider test suite expects for "invalidEtag".
        String tag = ifMatch.trim();
        String version = tag.matches("(W/)?\"[^\"]+\"") ? tag.substring(tag.indexOf('"') + 1, tag.length() - 1) : tag;
        Stored saved;
        try {
            saved = service.book().change(id.getIdPart(), version, change == Change.CANCEL,
                    current -> AppointmentRules.checkChange(fhir, change, a, current, service.now()));
        } catch (AppointmentBook.VersionConflict e) {
            throw GpcErrors.versionConflict(e.getMessage() + " (If-Match: " + ifMatch.trim() + ")");
        }
        return outcome(saved, false);
    }

    private static MethodOutcome outcome(Stored saved, boolean created) {
        Appointment served = saved.served();
        MethodOutcome outcome = new MethodOutcome(new IdType("Appointment", saved.id(), Integer.toString(saved.version())));
        outcome.setResource(served);
        outcome.setCreated(created);
        return outcome;
    }
}
