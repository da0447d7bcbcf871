package com.carepoint.gpconnect;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import com.carepoint.appointments.Appointment;
import com.carepoint.appointments.AppointmentBook;
import com.carepoint.appointments.AppointmentProblem;
import com.carepoint.appointments.BookableService;
import com.carepoint.appointments.BookingContext;
import com.carepoint.appointments.FreeSlot;
import com.carepoint.appointments.Outcome;
import com.carepoint.appointments.ServiceAppointments;
import com.carepoint.appointments.ServiceSlots;
import com.carepoint.gpconnect.AppointmentErrors.Operation;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.platform.CallLimits;
import com.carepoint.platform.FhirClients;
import com.carepoint.spine.EndpointDirectory;
import com.carepoint.spine.ProviderEndpoint;
import com.carepoint.spine.SpineUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Books, reads, amends and cancels appointments over GP Connect Appointment Management 1.2.x, one service at a time
 * (the appointments module federates). The endpoint of every interaction comes from the directory; the patient is
 * found at each service by NHS number and checked against the trace (NHS number and date of birth) before anything
 * is booked or shown; every appointment in an answer must be that patient's. What is learnt for one patient (the
 * service's id for them, endpoints, the appointments as read) lives and dies with that patient's booking context.
 * Logs carry trace ids and ODS codes, never patient identifiers.
 */
@Service
public class GpConnectAppointments implements AppointmentBook {

    private static final Logger log = LoggerFactory.getLogger(GpConnectAppointments.class);
    /** The most Locations or Practitioners read to name the sites of one list of appointments. */
    private static final int MAX_LOOKUPS = 10;

    private final EndpointDirectory directory;
    private final FhirClients clients;
    private final GpConnectProperties properties;
    private final Clock clock;
    private final Cache<BookingContext, State> states = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    /** What is known for one booking context. */
    private static final class State {
        final Map<String, Optional<ProviderEndpoint>> endpoints = new ConcurrentHashMap<>();
        final Map<String, String> patientIds = new ConcurrentHashMap<>();
        final Map<String, Map<String, String>> sites = new ConcurrentHashMap<>();
        final Map<String, Map<String, String>> practitioners = new ConcurrentHashMap<>();
        /** The appointments as last read, by service ODS code and id: an amendment edits exactly what was read. */
        final Map<String, org.hl7.fhir.dstu3.model.Appointment> read = new ConcurrentHashMap<>();

        Map<String, String> sites(String ods) {
            return sites.computeIfAbsent(ods, o -> new ConcurrentHashMap<>());
        }

        Map<String, String> practitioners(String ods) {
            return practitioners.computeIfAbsent(ods, o -> new ConcurrentHashMap<>());
        }
    }

    /** A reason not to go on, carried out of a call as its problem. */
    private static final class Stop extends RuntimeException {
        final transient AppointmentProblem problem;

        Stop(AppointmentProblem problem) {
            super(problem.kind().name(), null, false, false);
            this.problem = problem;
        }
    }

    @Autowired
    public GpConnectAppointments(EndpointDirectory directory, FhirClients clients, GpConnectProperties properties) {
        this(directory, clients, properties, Clock.systemUTC());
    }

    GpConnectAppointments(EndpointDirectory directory, FhirClients clients, GpConnectProperties properties,
            Clock clock) {
        this.directory = directory;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ServiceSlots freeSlots(BookingContext context, BookableService service, LocalDate from, LocalDate to) {
        return call(context, service, Operation.SEARCH, Interactions.SLOT_SEARCH, (ep, traceId) -> {
            Bundle bundle = get(client(context, ep, Interactions.SLOT_SEARCH, AppointmentSpec.SCOPE_SLOTS, traceId),
                    ep, AppointmentRequests.slotSearch(from, to, context.organisation()), Bundle.class);
            AppointmentMapper.Slots slots = AppointmentMapper.slots(bundle, service, from, to);
            State state = state(context);
            Map<String, String> sites = state.sites(service.odsCode());
            slots.slots().stream().filter(s -> !s.siteName().isBlank())
                    .forEach(s -> sites.put(s.locationId(), s.siteName()));
            slots.slots().forEach(s -> s.practitionerId().ifPresent(p -> s.practitioner()
                    .ifPresent(name -> state.practitioners(service.odsCode()).put(p, name))));
            // Sites the answer did not name are read from the service (a few at most); never left blank.
            slots.slots().stream().map(FreeSlot::locationId).filter(id -> !sites.containsKey(id)).distinct()
                    .limit(MAX_LOOKUPS).forEach(id -> lookup(context, service, Interactions.LOCATION_READ,
                            "Location/" + AppointmentRequests.encode(id), Location.class, traceId)
                            .filter(Location::hasName).ifPresent(l -> sites.put(id, l.getName())));
            List<FreeSlot> named = slots.slots().stream().map(s -> s.siteName().isBlank()
                    ? new FreeSlot(s.service(), s.slotId(), s.start(), s.end(),
                            sites.getOrDefault(s.locationId(), "Site not named by the service"), s.siteAddress(),
                            s.practitioner(), s.practitionerRole(), s.channel(), s.slotType(), s.scheduleType(),
                            s.locationId(), s.practitionerId())
                    : s).toList();
            log.info("GP Connect slot search ods={} trace={} slots={} unusable={}", service.odsCode(), traceId,
                    slots.slots().size(), slots.unusable());
            return new ServiceSlots(service, slots.serviceName().orElse(service.name()), named, Optional.empty());
        }, problem -> ServiceSlots.failed(service, problem));
    }

    @Override
    public Outcome book(BookingContext context, FreeSlot slot, String description, Optional<String> comment) {
        BookableService service = slot.service();
        Optional<AppointmentProblem> unknownPatient = patientId(context, service).problem();
        if (unknownPatient.isPresent()) {
            return Outcome.failed(unknownPatient.get());
        }
        String patientId = state(context).patientIds.get(service.odsCode());
        return call(context, service, Operation.BOOK, Interactions.APPOINTMENT_CREATE, (ep, traceId) -> {
            org.hl7.fhir.dstu3.model.Appointment request = AppointmentRequests.booking(slot, patientId,
                    context.organisation(), description, comment, ZonedDateTime.now(clock));
            MethodOutcome created = client(context, ep, Interactions.APPOINTMENT_CREATE, AppointmentSpec.SCOPE_WRITE,
                    traceId).create().resource(request).execute();
            org.hl7.fhir.dstu3.model.Appointment booked = created.getResource()
                    instanceof org.hl7.fhir.dstu3.model.Appointment a ? a : null;
            String version = created.getId() != null && created.getId().hasVersionIdPart()
                    ? created.getId().getVersionIdPart() : "";
            if (booked == null) {
                // No representation (a service answering "minimal"): read what was booked by its Location header.
                if (created.getId() == null || !created.getId().hasIdPart()) {
                    throw new Stop(AppointmentErrors.unreadable(Operation.BOOK, service.label(), traceId,
                            "it did not say which appointment it booked"));
                }
                return readInside(context, service, created.getId().getIdPart(), traceId);
            }
            clients.shownAsWritten(booked);
            return Outcome.done(checked(context, service, booked, version, Operation.BOOK, traceId));
        }, Outcome::failed);
    }

    @Override
    public ServiceAppointments appointments(BookingContext context, BookableService service, LocalDate from,
            LocalDate to) {
        PatientAtService found = patientId(context, service);
        if (found.problem().isPresent()) {
            return ServiceAppointments.failed(service, found.problem().get());
        }
        String patientId = found.id().orElseThrow();
        return call(context, service, Operation.LIST, Interactions.PATIENT_APPOINTMENTS, (ep, traceId) -> {
            Bundle bundle = get(client(context, ep, Interactions.PATIENT_APPOINTMENTS, AppointmentSpec.SCOPE_READ,
                    traceId), ep, AppointmentRequests.patientAppointments(patientId, from, to), Bundle.class);
            List<org.hl7.fhir.dstu3.model.Appointment> inAnswer = bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(org.hl7.fhir.dstu3.model.Appointment.class::isInstance)
                    .map(org.hl7.fhir.dstu3.model.Appointment.class::cast).toList();
            // Every appointment in the answer must be this patient's, or nothing from it is shown.
            for (org.hl7.fhir.dstu3.model.Appointment a : inAnswer) {
                if (!forPatient(a, patientId)) {
                    log.error("GP Connect appointments ods={} trace={} WRONG PATIENT in the answer", service.odsCode(),
                            traceId);
                    throw new Stop(AppointmentErrors.wrongPatient(Operation.LIST, service.label(), traceId));
                }
            }
            nameSites(context, service, inAnswer, traceId);
            State state = state(context);
            List<Appointment> appointments = new ArrayList<>();
            for (org.hl7.fhir.dstu3.model.Appointment a : inAnswer) {
                String version = a.getMeta().hasVersionId() ? a.getMeta().getVersionId() : "";
                appointments.add(AppointmentMapper.appointment(a, service, version, state.sites(service.odsCode()),
                        state.practitioners(service.odsCode())));
            }
            appointments.sort(java.util.Comparator.comparing(Appointment::start));
            return new ServiceAppointments(service, appointments, Optional.empty());
        }, problem -> ServiceAppointments.failed(service, problem));
    }

    @Override
    public Outcome read(BookingContext context, BookableService service, String appointmentId) {
        Optional<AppointmentProblem> unknownPatient = patientId(context, service).problem();
        if (unknownPatient.isPresent()) {
            return Outcome.failed(unknownPatient.get());
        }
        return call(context, service, Operation.READ, Interactions.APPOINTMENT_READ,
                (ep, traceId) -> readInside(context, service, appointmentId, traceId), Outcome::failed);
    }

    @Override
    public Outcome amend(BookingContext context, Appointment read, String description, Optional<String> comment) {
        return write(context, read, Operation.AMEND, Interactions.APPOINTMENT_AMEND,
                raw -> AppointmentRequests.amendment(raw, description, comment));
    }

    @Override
    public Outcome cancel(BookingContext context, Appointment read, String reason) {
        return write(context, read, Operation.CANCEL, Interactions.APPOINTMENT_CANCEL,
                raw -> AppointmentRequests.cancellation(raw, reason));
    }

    /**
     * An amendment or cancellation: the appointment exactly as last read (or read now), changed in place, sent
     * with {@code If-Match} naming the version read, so a change made elsewhere meanwhile is refused (409).
     */
    private Outcome write(BookingContext context, Appointment read, Operation op, String interaction,
            Function<org.hl7.fhir.dstu3.model.Appointment, org.hl7.fhir.dstu3.model.Appointment> change) {
        BookableService service = read.service();
        org.hl7.fhir.dstu3.model.Appointment raw = state(context).read.get(key(service, read.id()));
        String rawVersion = raw == null ? null : raw.getMeta().getVersionId();
        if (raw == null || read.version().isEmpty() || rawVersion != null && !rawVersion.equals(read.version())) {
            return Outcome.failed(new AppointmentProblem(AppointmentProblem.Kind.CHANGED_ELSEWHERE, "Carepoint no "
                    + "longer holds the appointment as it was read, so " + (op == Operation.AMEND
                            ? "it was not changed" : "it was not cancelled") + ".", "Open the appointment again and "
                    + "make the change on what it says now.", UUID.randomUUID().toString()));
        }
        String patientId = state(context).patientIds.get(service.odsCode());
        if (patientId == null || !forPatient(raw, patientId)) {
            return Outcome.failed(AppointmentErrors.wrongPatient(op, service.label(), UUID.randomUUID().toString()));
        }
        return call(context, service, op, interaction, (ep, traceId) -> {
            org.hl7.fhir.dstu3.model.Appointment body = change.apply(raw);
            IGenericClient client = client(context, ep, interaction, AppointmentSpec.SCOPE_WRITE, traceId,
                    new IfMatch(AppointmentRequests.ifMatch(read.version())));
            MethodOutcome updated = client.update().resource(body).withId(new IdType("Appointment", read.id()))
                    .execute();
            if (updated.getResource() instanceof org.hl7.fhir.dstu3.model.Appointment a) {
                clients.shownAsWritten(a);
                String version = updated.getId() != null && updated.getId().hasVersionIdPart()
                        ? updated.getId().getVersionIdPart() : "";
                return Outcome.done(checked(context, service, a, version, op, traceId));
            }
            return readInside(context, service, read.id(), traceId);
        }, Outcome::failed);
    }

    /** Reads one appointment, checks it is this patient's, and keeps it as read for a later change. */
    private Outcome readInside(BookingContext context, BookableService service, String id, String parentTrace) {
        ProviderEndpoint ep = endpoint(context, service, Interactions.APPOINTMENT_READ)
                .orElseThrow(() -> new Stop(notOffered(service, Operation.READ, parentTrace)));
        ETagCapture etag = new ETagCapture();
        org.hl7.fhir.dstu3.model.Appointment a = get(client(context, ep, Interactions.APPOINTMENT_READ,
                AppointmentSpec.SCOPE_READ, parentTrace, etag), ep, "Appointment/" + AppointmentRequests.encode(id),
                org.hl7.fhir.dstu3.model.Appointment.class);
        return Outcome.done(checked(context, service, a, etag.version().orElse(""), Operation.READ, parentTrace));
    }

    /**
     * The appointment in an answer, once it is known to be this patient's: kept as read (for an amendment or
     * cancellation) and mapped. The version is the resource's {@code meta.versionId}, else the ETag's.
     */
    private Appointment checked(BookingContext context, BookableService service,
            org.hl7.fhir.dstu3.model.Appointment a, String headerVersion, Operation op, String traceId) {
        String patientId = state(context).patientIds.get(service.odsCode());
        if (patientId == null || !forPatient(a, patientId) || !a.getIdElement().hasIdPart()) {
            log.error("GP Connect appointment {} ods={} trace={} WRONG PATIENT (or no id) in the answer", op,
                    service.odsCode(), traceId);
            throw new Stop(AppointmentErrors.wrongPatient(op, service.label(), traceId));
        }
        String version = a.getMeta().hasVersionId() ? a.getMeta().getVersionId() : headerVersion;
        if (!a.getMeta().hasVersionId() && !version.isEmpty()) {
            a.getMeta().setVersionId(version);
        }
        String id = a.getIdElement().getIdPart();
        a.setId(id);
        state(context).read.put(key(service, id), a);
        nameSites(context, service, List.of(a), traceId);
        try {
            return AppointmentMapper.appointment(a, service, version, state(context).sites(service.odsCode()),
                    state(context).practitioners(service.odsCode()));
        } catch (IllegalArgumentException e) {
            throw new Stop(AppointmentErrors.unreadable(op, service.label(), traceId,
                    "the appointment had no start or end time"));
        }
    }

    /** Every patient participant of the appointment is the service's patient for this context (and there is one). */
    private static boolean forPatient(org.hl7.fhir.dstu3.model.Appointment a, String patientId) {
        List<String> patients = AppointmentMapper.participants(a, "Patient").toList();
        return !patients.isEmpty() && patients.stream().allMatch(patientId::equals);
    }

    /** The service's own id for the patient, or why it cannot be had. */
    private record PatientAtService(Optional<String> id, Optional<AppointmentProblem> problem) {
    }

    /**
     * Foundations "Find a patient" at the service, once per booking context: exactly one Patient, carrying the
     * traced NHS number and date of birth — otherwise nothing is booked (hazard: booking for the wrong patient).
     */
    private PatientAtService patientId(BookingContext context, BookableService service) {
        String known = state(context).patientIds.get(service.odsCode());
        if (known != null) {
            return new PatientAtService(Optional.of(known), Optional.empty());
        }
        TracedPatient traced = context.patient();
        return call(context, service, Operation.FIND_PATIENT, Interactions.PATIENT_SEARCH, (ep, traceId) -> {
            Bundle bundle = get(client(context, ep, Interactions.PATIENT_SEARCH, AppointmentSpec.SCOPE_READ, traceId),
                    ep, AppointmentRequests.patientSearch(traced.nhsNumber().value()), Bundle.class);
            List<Patient> patients = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Patient.class::isInstance).map(Patient.class::cast).toList();
            if (patients.isEmpty()) {
                // An empty searchset: not known there (or, for a sensitive patient, not shared).
                return new PatientAtService(Optional.empty(), Optional.of(new AppointmentProblem(
                        AppointmentProblem.Kind.PATIENT_NOT_FOUND, service.label() + " has no record of this "
                        + "patient, so nothing can be booked there through Carepoint.", "Phone the service; it may "
                        + "need to register the patient first.", traceId)));
            }
            Patient p = patients.getFirst();
            boolean nhsMatches = patients.size() == 1 && p.getIdentifier().stream()
                    .anyMatch(i -> AppointmentSpec.NHS_NUMBER.equals(i.getSystem())
                            && traced.nhsNumber().value().equals(i.getValue() == null ? null
                                    : i.getValue().replaceAll("[\\s-]", "")));
            boolean birthMatches = p.hasBirthDate() && p.getBirthDateElement().getValueAsString() != null
                    && p.getBirthDateElement().getValueAsString().equals(traced.birthDate().toString());
            if (!nhsMatches || !birthMatches || !p.getIdElement().hasIdPart()) {
                log.error("GP Connect patient search ods={} trace={} WRONG PATIENT in the answer (patients={}, nhs={}, "
                        + "birth={})", service.odsCode(), traceId, patients.size(), nhsMatches, birthMatches);
                return new PatientAtService(Optional.empty(), Optional.of(
                        AppointmentErrors.wrongPatient(Operation.FIND_PATIENT, service.label(), traceId)));
            }
            String id = p.getIdElement().getIdPart();
            state(context).patientIds.put(service.odsCode(), id);
            return new PatientAtService(Optional.of(id), Optional.empty());
        }, problem -> new PatientAtService(Optional.empty(), Optional.of(problem)));
    }

    /**
     * Names the sites and practitioners of appointments whose answer did not include them (a patient's appointments
     * come without their Locations): read from the service once each, at most {@value #MAX_LOOKUPS} per answer. A
     * lookup that fails leaves the site unnamed; it never fails the answer.
     */
    private void nameSites(BookingContext context, BookableService service,
            List<org.hl7.fhir.dstu3.model.Appointment> appointments, String traceId) {
        State state = state(context);
        Map<String, String> sites = state.sites(service.odsCode());
        Map<String, String> practitioners = state.practitioners(service.odsCode());
        int lookups = 0;
        for (org.hl7.fhir.dstu3.model.Appointment a : appointments) {
            Optional<String> location = AppointmentMapper.participant(a, "Location");
            if (location.isPresent() && !sites.containsKey(location.get()) && lookups++ < MAX_LOOKUPS) {
                lookup(context, service, Interactions.LOCATION_READ, "Location/" + AppointmentRequests.encode(
                        location.get()), Location.class,
                        traceId).filter(Location::hasName).ifPresent(l -> sites.put(location.get(), l.getName()));
            }
            Optional<String> practitioner = AppointmentMapper.participant(a, "Practitioner");
            if (practitioner.isPresent() && !practitioners.containsKey(practitioner.get()) && lookups++ < MAX_LOOKUPS) {
                lookup(context, service, Interactions.PRACTITIONER_READ, "Practitioner/" + AppointmentRequests.encode(
                        practitioner.get()),
                        Practitioner.class, traceId).flatMap(AppointmentMapper::practitionerName)
                        .ifPresent(n -> practitioners.put(practitioner.get(), n));
            }
        }
    }

    private <T extends Resource> Optional<T> lookup(BookingContext context, BookableService service,
            String interaction, String path, Class<T> type, String traceId) {
        try {
            Optional<ProviderEndpoint> ep = endpoint(context, service, interaction);
            if (ep.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(get(client(context, ep.get(), interaction, AppointmentSpec.SCOPE_SLOTS, traceId),
                    ep.get(), path, type));
        } catch (RuntimeException e) {
            log.info("GP Connect {} ods={} trace={} not available: {}", path.substring(0, path.indexOf('/')),
                    service.odsCode(), traceId, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** One call to one service: its endpoint from the directory, its deadline, and every failure as a problem. */
    private <T> T call(BookingContext context, BookableService service, Operation op, String interaction,
            Body<T> body, Function<AppointmentProblem, T> failed) {
        String traceId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        try {
            Optional<ProviderEndpoint> ep = endpoint(context, service, interaction);
            if (ep.isEmpty()) {
                return failed.apply(notOffered(service, op, traceId));
            }
            if (context.cancelled()) {
                return failed.apply(AppointmentErrors.map(new CallLimits.CallCancelledException(), op, service.label(),
                        traceId));
            }
            // A booking, amendment or cancellation, once sent, is never cut off because the user left the page:
            // its outcome would then be unknown. Reads stop when the page closes.
            java.util.function.BooleanSupplier stop = op.writes() ? () -> false : context::cancelled;
            return CallLimits.within(properties.sectionDeadline(), stop, () -> body.run(ep.get(), traceId));
        } catch (Stop stop) {
            return failed.apply(stop.problem);
        } catch (SpineUnavailableException e) {
            log.warn("Directory lookup failed ods={} trace={}", service.odsCode(), traceId);
            return failed.apply(new AppointmentProblem(AppointmentProblem.Kind.UNREACHABLE, "The NHS directory of GP "
                    + "systems could not be reached, so Carepoint cannot tell where " + service.label() + " takes "
                    + "bookings.", "Try again in a moment, or phone the service.", traceId));
        } catch (RuntimeException e) {
            AppointmentProblem problem = AppointmentErrors.map(e, op, service.label(), traceId);
            log.warn("GP Connect {} ods={} trace={} failed: {} ({}) ms={}", op, service.odsCode(), traceId,
                    problem.kind(), e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            return failed.apply(problem);
        }
    }

    @FunctionalInterface
    private interface Body<T> {
        T run(ProviderEndpoint endpoint, String traceId);
    }

    private static AppointmentProblem notOffered(BookableService service, Operation op, String traceId) {
        return new AppointmentProblem(AppointmentProblem.Kind.NOT_OFFERED, service.label() + " does not offer "
                + "appointment booking through GP Connect, so " + switch (op) {
                    case SEARCH -> "its free slots cannot be shown";
                    case LIST -> "the patient's appointments there cannot be shown";
                    default -> "nothing can be booked or changed there through Carepoint";
                } + ".", "Phone the service to book.", traceId);
    }

    private Optional<ProviderEndpoint> endpoint(BookingContext context, BookableService service, String interaction) {
        return state(context).endpoints.computeIfAbsent(service.odsCode() + "|" + interaction,
                k -> directory.lookup(service.odsCode(), interaction));
    }

    private State state(BookingContext context) {
        return states.get(context, c -> new State());
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T get(IGenericClient client,
            ProviderEndpoint ep, String relative, Class<T> type) {
        return clients.shownAsWritten(client.fetchResourceFromUrl(type, base(ep) + "/" + relative));
    }

    private String base(ProviderEndpoint ep) {
        String root = ep.serviceRoot().replaceAll("/$", "");
        return properties.proxyPrefix().isBlank() ? root : properties.proxyPrefix().replaceAll("/$", "") + "/" + root;
    }

    private IGenericClient client(BookingContext context, ProviderEndpoint ep, String interaction, String scope,
            String traceId, IClientInterceptor... more) {
        IClientInterceptor[] interceptors = new IClientInterceptor[more.length + 1];
        interceptors[0] = new GpcHeaders(traceId, properties.consumerAsid(), ep.asid(), interaction,
                () -> GpcJwt.create(context.user(), ep.serviceRoot(), scope, properties, clock));
        System.arraycopy(more, 0, interceptors, 1, more.length);
        return clients.stu3(base(ep), interceptors);
    }

    private static String key(BookableService service, String id) {
        return service.odsCode() + "/" + id;
    }

    /** {@code If-Match: W/"[versionId]"}, exactly once (HAPI would add a strong one of its own for a versioned id). */
    private record IfMatch(String value) implements IClientInterceptor {
        @Override
        public void interceptRequest(IHttpRequest request) {
            request.removeHeaders("If-Match");
            request.addHeader("If-Match", value);
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
            // Nothing.
        }
    }

    /** The version in an answer's {@code ETag} ({@code W/"3141"}), for a resource without {@code meta.versionId}. */
    private static final class ETagCapture implements IClientInterceptor {
        private volatile String etag;

        @Override
        public void interceptRequest(IHttpRequest request) {
            // Nothing.
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
            List<String> values = response.getHeaders("ETag");
            if (values != null && !values.isEmpty()) {
                etag = values.getFirst();
            }
        }

        Optional<String> version() {
            return Optional.ofNullable(etag).map(e -> e.replaceFirst("^W/", "").replace("\"", "").trim())
                    .filter(v -> !v.isEmpty());
        }
    }
}
