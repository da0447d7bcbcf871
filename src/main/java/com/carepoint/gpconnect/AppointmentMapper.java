package com.carepoint.gpconnect;

import com.carepoint.appointments.Appointment;
import com.carepoint.appointments.BookableService;
import com.carepoint.appointments.DeliveryChannel;
import com.carepoint.appointments.FreeSlot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.BaseDateTimeType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Reads Appointment Management answers into Carepoint's appointment domain, liberally but safely: references
 * resolved as FHIR does, times read with the offset the service gave and shown in Europe/London, and anything that
 * cannot be read safely left out rather than guessed (a slot with no place to book it at is not offered).
 */
final class AppointmentMapper {

    static final ZoneId UK = ZoneId.of("Europe/London");

    /** Times as the specification writes them: "yyyy-mm-ddThh:mm:ss+hh:mm", never "Z" (search page, 1.2.3 #646). */
    static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private AppointmentMapper() {
    }

    /** What a slot search answer held: the service's name for itself, and its free slots. */
    record Slots(Optional<String> serviceName, List<FreeSlot> slots, int unusable) {
    }

    /**
     * The free slots of a search answer that lie within the days asked for. A Slot whose Schedule or Location cannot
     * be found in the answer is counted as unusable, not offered: a booking must name the location
     * (UC/book_an_appointment: the location participant "MUST be present").
     */
    static Slots slots(Bundle bundle, BookableService service, LocalDate from, LocalDate to) {
        References refs = new References(bundle);
        List<FreeSlot> slots = new ArrayList<>();
        int unusable = 0;
        ZonedDateTime windowStart = from.atStartOfDay(UK);
        ZonedDateTime windowEnd = to.plusDays(1).atStartOfDay(UK);
        Optional<String> serviceName = Optional.empty();
        for (Resource r : resources(bundle)) {
            if (!(r instanceof Slot slot)) {
                continue;
            }
            if (slot.getStatus() != Slot.SlotStatus.FREE) {
                // A slot shown as free must be free: anything else the service sends is not offered.
                continue;
            }
            Optional<ZonedDateTime> start = time(slot.getStartElement());
            Optional<ZonedDateTime> end = time(slot.getEndElement());
            Resource scheduleRes = refs.resolve(slot, slot.getSchedule());
            if (start.isEmpty() || end.isEmpty() || !end.get().isAfter(start.get())
                    || !(scheduleRes instanceof Schedule schedule)) {
                unusable++;
                continue;
            }
            if (start.get().isBefore(windowStart) || end.get().isAfter(windowEnd)) {
                // "free slots which start before the start parameter and free slots which end after end ... SHALL
                // NOT be returned": a service that does is not trusted for them either.
                continue;
            }
            // The Location is named by the Schedule's actor; the answer may not include it (the example
            // INC/search-for-free-slots-response-payload-2.json references Location/17 without it), so its id comes
            // from the reference and its name, if missing, is looked up by the caller.
            Optional<Location> location = actor(refs, schedule, Location.class);
            Optional<String> locationId = location.filter(l -> l.getIdElement().hasIdPart())
                    .map(l -> l.getIdElement().getIdPart()).or(() -> referencedId(schedule, "Location"));
            if (locationId.isEmpty()) {
                unusable++;
                continue;
            }
            Optional<Practitioner> practitioner = actor(refs, schedule, Practitioner.class);
            Optional<String> practitionerId = practitioner.filter(p -> p.getIdElement().hasIdPart())
                    .map(p -> p.getIdElement().getIdPart()).or(() -> referencedId(schedule, "Practitioner"));
            if (serviceName.isEmpty() && location.isPresent()) {
                serviceName = organisationName(refs, location.get());
            }
            slots.add(new FreeSlot(service, slot.getIdElement().getIdPart(), start.get(), end.get(),
                    location.filter(Location::hasName).map(Location::getName).orElse(""),
                    location.map(l -> address(l.getAddress())).orElse(""),
                    practitioner.flatMap(AppointmentMapper::practitionerName), role(schedule), channel(slot),
                    text(slot.getServiceType().stream().findFirst().orElse(null)), text(schedule.getServiceCategory()),
                    locationId.get(), practitionerId));
        }
        if (serviceName.isEmpty()) {
            serviceName = resources(bundle).stream().filter(Organization.class::isInstance).map(Organization.class::cast)
                    .filter(o -> hasOds(o, service.odsCode())).filter(Organization::hasName)
                    .map(Organization::getName).findFirst();
        }
        return new Slots(serviceName, slots, unusable);
    }

    /**
     * An appointment as read, booked, amended or cancelled.
     *
     * @param sites         names of Locations already known for this service (by logical id)
     * @param practitioners names of Practitioners already known for this service (by logical id)
     */
    static Appointment appointment(org.hl7.fhir.dstu3.model.Appointment a, BookableService service, String version,
            Map<String, String> sites, Map<String, String> practitioners) {
        References refs = new References(new Bundle());
        Appointment.Status status = switch (a.getStatus() == null ? "" : a.getStatus().toCode()) {
            case "booked" -> Appointment.Status.BOOKED;
            case "cancelled" -> Appointment.Status.CANCELLED;
            default -> Appointment.Status.OTHER;
        };
        Optional<String> location = participant(a, "Location").map(sites::get);
        Optional<String> practitioner = participant(a, "Practitioner").map(practitioners::get);
        Optional<String> bookedBy = extension(a, AppointmentSpec.BOOKING_ORGANISATION)
                .filter(e -> e.getValue() instanceof Reference)
                .map(e -> refs.resolve(a, (Reference) e.getValue()))
                .filter(Organization.class::isInstance).map(Organization.class::cast)
                .map(o -> (o.hasName() ? o.getName() : "An organisation") + ods(o).map(c -> " (" + c + ")").orElse(""));
        String reason = extension(a, AppointmentSpec.CANCELLATION_REASON)
                .filter(e -> e.getValue() instanceof StringType).map(e -> ((StringType) e.getValue()).getValue())
                .orElse(null);
        return new Appointment(service, a.getIdElement().getIdPart(), version, status,
                time(a.getStartElement()).orElseThrow(() -> new IllegalArgumentException("no start")),
                time(a.getEndElement()).orElseThrow(() -> new IllegalArgumentException("no end")),
                location, practitioner, roleOf(extension(a, AppointmentSpec.PRACTITIONER_ROLE)), channelOf(a),
                text(a.getServiceType().stream().findFirst().orElse(null)), a.getDescription(),
                Optional.ofNullable(a.getComment()).filter(c -> !c.isBlank()), Optional.ofNullable(reason)
                        .filter(c -> !c.isBlank()), bookedBy);
    }

    /** The logical id of the appointment's participant of this type ({@code Patient}, {@code Location}, ...). */
    static Optional<String> participant(org.hl7.fhir.dstu3.model.Appointment a, String type) {
        return participants(a, type).findFirst();
    }

    static Stream<String> participants(org.hl7.fhir.dstu3.model.Appointment a, String type) {
        return a.getParticipant().stream().map(p -> p.getActor().getReference()).filter(r -> r != null)
                .map(r -> r.replaceFirst("/_history/[^/]+$", "")).map(r -> r.split("/"))
                .filter(parts -> parts.length >= 2 && type.equals(parts[parts.length - 2]))
                .map(parts -> parts[parts.length - 1]);
    }

    /**
     * A time as the service wrote it, in Europe/London. The specification requires an offset; a time without one
     * is read as UK local time (what a UK service means) rather than refused.
     */
    static Optional<ZonedDateTime> time(BaseDateTimeType t) {
        if (t == null || t.getValueAsString() == null) {
            return Optional.empty();
        }
        String v = t.getValueAsString();
        try {
            return Optional.of(OffsetDateTime.parse(v).atZoneSameInstant(UK));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(v).atZone(UK));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** The time as the specification writes it on the wire (seconds, offset {@code +00:00} or {@code +01:00}). */
    static String wire(ZonedDateTime t) {
        return WIRE_TIME.format(t.withZoneSameInstant(UK).truncatedTo(ChronoUnit.SECONDS));
    }

    static String practitionerName(Resource r) {
        return r instanceof Practitioner p ? practitionerName(p).orElse("") : "";
    }

    static Optional<String> practitionerName(Practitioner p) {
        Optional<HumanName> name = p.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst().or(() -> p.getName().stream().findFirst());
        return name.map(n -> Stream.of(n.getPrefix().stream().map(StringType::getValue),
                        n.getGiven().stream().map(StringType::getValue), Stream.of(n.getFamily()))
                .flatMap(s -> s).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" ")))
                .filter(s -> !s.isBlank())
                .map(s -> s + (p.hasGender() ? " (" + p.getGender().getDisplay().toLowerCase(java.util.Locale.UK) + ")"
                        : ""));
    }

    static String address(Address a) {
        if (a == null) {
            return "";
        }
        return Stream.concat(a.getLine().stream().map(StringType::getValue),
                        Stream.of(a.getCity(), a.getPostalCode()))
                .filter(s -> s != null && !s.isBlank()).distinct().collect(Collectors.joining(", "));
    }

    static Optional<String> ods(Organization o) {
        return o.getIdentifier().stream().filter(i -> AppointmentSpec.ODS_ORGANIZATION.equals(i.getSystem()))
                .map(i -> i.getValue()).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private static boolean hasOds(Organization o, String ods) {
        return ods(o).filter(ods::equalsIgnoreCase).isPresent();
    }

    /** The logical id in a Schedule actor reference of this type, whether or not the answer includes it. */
    private static Optional<String> referencedId(Schedule schedule, String type) {
        return schedule.getActor().stream().map(Reference::getReference).filter(r -> r != null)
                .map(r -> r.replaceFirst("/_history/[^/]+$", "").split("/"))
                .filter(parts -> parts.length >= 2 && type.equals(parts[parts.length - 2]))
                .map(parts -> parts[parts.length - 1]).filter(id -> !id.isBlank()).findFirst();
    }

    private static Optional<String> organisationName(References refs, Location location) {
        Resource managing = refs.resolve(location, location.getManagingOrganization());
        if (managing instanceof Organization o && o.hasName()) {
            return Optional.of(o.getName());
        }
        return Optional.empty();
    }

    private static <T extends Resource> Optional<T> actor(References refs, Schedule schedule, Class<T> type) {
        return schedule.getActor().stream().map(a -> refs.resolve(schedule, a)).filter(type::isInstance)
                .map(type::cast).findFirst();
    }

    private static List<Resource> resources(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null)
                .toList();
    }

    private static String role(Schedule schedule) {
        return roleOf(extension(schedule, AppointmentSpec.PRACTITIONER_ROLE));
    }

    private static String roleOf(Optional<Extension> ext) {
        return ext.filter(e -> e.getValue() instanceof CodeableConcept).map(e -> (CodeableConcept) e.getValue())
                .map(AppointmentMapper::text).orElse("");
    }

    private static DeliveryChannel channel(Slot slot) {
        return channelOf(slot);
    }

    /**
     * Extension-GPConnect-DeliveryChannel-2's {@code valueCode} from GPConnect-DeliveryChannel-1 ({@code In-person},
     * {@code Telephone}, {@code Video}); read without regard to case, since it is only shown. Anything else is "not
     * stated", never guessed.
     */
    private static DeliveryChannel channelOf(DomainResource r) {
        String code = extension(r, AppointmentSpec.DELIVERY_CHANNEL).filter(e -> e.getValue() instanceof CodeType)
                .map(e -> ((CodeType) e.getValue()).getValue()).orElse("");
        return switch (code.toLowerCase(java.util.Locale.UK)) {
            case "in-person" -> DeliveryChannel.IN_PERSON;
            case "telephone" -> DeliveryChannel.TELEPHONE;
            case "video" -> DeliveryChannel.VIDEO;
            default -> DeliveryChannel.NOT_STATED;
        };
    }

    private static Optional<Extension> extension(DomainResource r, String url) {
        return r.getExtension().stream().filter(e -> url.equals(e.getUrl())).findFirst();
    }

    private static String text(CodeableConcept c) {
        if (c == null) {
            return "";
        }
        if (c.hasText()) {
            return c.getText();
        }
        return c.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null && !d.isBlank()).findFirst()
                .orElse("");
    }
}
