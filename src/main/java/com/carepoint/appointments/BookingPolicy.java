package com.carepoint.appointments;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import com.carepoint.kernel.TracedPatient;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which services a user may book a patient into, from the booking policy file ({@code carepoint.booking.location},
 * default {@code classpath:policy/booking-policy.yaml}): rules per organisation type (and optionally role) naming the
 * kinds of service, the hubs and out-of-hours services that cover each practice, the booking organisations'
 * telephone numbers, and the GP Connect organisation type each Carepoint organisation type books as. The first rule
 * matching the user applies; no matching rule means no booking. Validated at start-up.
 */
@Service
public class BookingPolicy {

    /** One rule: who (organisation types, optionally roles) may book into which kinds of service. */
    public record Rule(List<String> organisationTypes, List<String> roles, List<String> services) {
        public Rule {
            organisationTypes = organisationTypes == null ? List.of() : List.copyOf(organisationTypes);
            roles = roles == null ? List.of() : List.copyOf(roles);
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    /** A hub or out-of-hours service and the practices it covers ({@code *}: every practice). */
    public record CoveringService(String odsCode, String name, String kind, List<String> covers) {
        public CoveringService {
            covers = covers == null ? List.of() : List.copyOf(covers);
        }
    }

    /** A booking organisation's telephone number (GP Connect requires one in every booking). */
    public record OrganisationContact(String odsCode, String telephone) {
    }

    record PolicyFile(List<Rule> rules, List<CoveringService> services, List<OrganisationContact> organisations,
            Map<String, String> gpConnectOrganisationTypes) {
    }

    private final List<Rule> rules;
    private final List<CoveringService> services;
    private final List<OrganisationContact> organisations;
    private final Map<String, String> gpConnectTypes;

    @Autowired
    public BookingPolicy(ResourceLoader loader,
            @Value("${carepoint.booking.location:classpath:policy/booking-policy.yaml}") String location) {
        this(read(loader, location));
    }

    BookingPolicy(PolicyFile file) {
        this.rules = file.rules() == null ? List.of() : List.copyOf(file.rules());
        this.services = file.services() == null ? List.of() : List.copyOf(file.services());
        this.organisations = file.organisations() == null ? List.of() : List.copyOf(file.organisations());
        this.gpConnectTypes = file.gpConnectOrganisationTypes() == null ? Map.of()
                : Map.copyOf(file.gpConnectOrganisationTypes());
        validate();
    }

    /** A policy from its parts, validated as the file is (for tests and other configuration sources). */
    public static BookingPolicy of(List<Rule> rules, List<CoveringService> services,
            List<OrganisationContact> organisations, Map<String, String> gpConnectTypes) {
        return new BookingPolicy(new PolicyFile(rules, services, organisations, gpConnectTypes));
    }

    private static PolicyFile read(ResourceLoader loader, String location) {
        try (InputStream in = loader.getResource(location).getInputStream()) {
            return YAMLMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build().readValue(in, PolicyFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the booking policy at " + location, e);
        }
    }

    private void validate() {
        for (Rule r : rules) {
            r.organisationTypes().forEach(t -> OrganisationType.fromClaim(t).orElseThrow(() ->
                    new IllegalStateException("Booking policy names an unknown organisation type: " + t)));
            r.roles().forEach(role -> Role.fromClaim(role).orElseThrow(() ->
                    new IllegalStateException("Booking policy names an unknown role: " + role)));
            r.services().forEach(BookingPolicy::kind);
        }
        for (CoveringService s : services) {
            if (s.odsCode() == null || s.odsCode().isBlank() || s.name() == null || s.name().isBlank()) {
                throw new IllegalStateException("Booking policy lists a service without an ODS code or name");
            }
            ServiceKind kind = kind(s.kind());
            if (kind == ServiceKind.PRACTICE) {
                throw new IllegalStateException("Booking policy lists " + s.odsCode() + " as a practice: the "
                        + "patient's practice comes from the demographics trace, list only hubs and out-of-hours "
                        + "services");
            }
        }
        gpConnectTypes.keySet().forEach(t -> OrganisationType.fromClaim(t).orElseThrow(() ->
                new IllegalStateException("Booking policy maps an unknown organisation type: " + t)));
    }

    private static ServiceKind kind(String name) {
        return ServiceKind.fromConfig(name).orElseThrow(() ->
                new IllegalStateException("Booking policy names an unknown kind of service: " + name));
    }

    /** The kinds of service this user may book into; empty when they may not book at all. */
    public Set<ServiceKind> kindsFor(CurrentUser user) {
        if (user.role() == Role.PRIVACY_OFFICER) {
            return EnumSet.noneOf(ServiceKind.class);
        }
        for (Rule r : rules) {
            boolean typeMatches = r.organisationTypes().isEmpty() || r.organisationTypes().stream()
                    .map(t -> OrganisationType.fromClaim(t).orElseThrow())
                    .anyMatch(t -> t == user.organisation().type());
            boolean roleMatches = r.roles().isEmpty() || r.roles().stream()
                    .map(role -> Role.fromClaim(role).orElseThrow()).anyMatch(role -> role == user.role());
            if (typeMatches && roleMatches) {
                EnumSet<ServiceKind> kinds = EnumSet.noneOf(ServiceKind.class);
                r.services().forEach(s -> kinds.add(kind(s)));
                return kinds;
            }
        }
        return EnumSet.noneOf(ServiceKind.class);
    }

    /** The services this user may book this patient into, the patient's own practice first. */
    public List<BookableService> servicesFor(CurrentUser user, TracedPatient patient) {
        Set<ServiceKind> kinds = kindsFor(user);
        List<BookableService> result = new ArrayList<>();
        Optional<String> practice = patient.registeredPracticeOds();
        if (kinds.contains(ServiceKind.PRACTICE) && practice.isPresent()) {
            result.add(new BookableService(practice.get(), "The patient's GP practice", ServiceKind.PRACTICE));
        }
        for (CoveringService s : services) {
            ServiceKind kind = kind(s.kind());
            boolean covers = s.covers().contains("*")
                    || practice.isPresent() && s.covers().stream().anyMatch(p -> p.equalsIgnoreCase(practice.get()));
            if (kinds.contains(kind) && covers && result.stream().noneMatch(b -> b.odsCode().equals(s.odsCode()))) {
                result.add(new BookableService(s.odsCode(), s.name(), kind));
            }
        }
        return List.copyOf(result);
    }

    /** The user's organisation as it books, or empty when its telephone number is not configured. */
    public Optional<BookingOrganisation> bookingOrganisation(CurrentUser user) {
        String ods = user.organisation().odsCode();
        return organisations.stream().filter(o -> o.odsCode() != null && o.odsCode().equalsIgnoreCase(ods))
                .map(OrganisationContact::telephone).filter(t -> t != null && !t.isBlank()).findFirst()
                .map(telephone -> new BookingOrganisation(ods, user.organisation().name(), telephone,
                        gpConnectType(user.organisation().type())));
    }

    private Optional<String> gpConnectType(OrganisationType type) {
        return gpConnectTypes.entrySet().stream()
                .filter(e -> OrganisationType.fromClaim(e.getKey()).orElseThrow() == type)
                .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toLowerCase(Locale.UK)).findFirst();
    }

    /** An organisation's telephone number as the policy lists it (also sent with its encounter notes). */
    public Optional<String> telephone(String odsCode) {
        return organisations.stream().filter(o -> o.odsCode() != null && o.odsCode().equalsIgnoreCase(odsCode))
                .map(OrganisationContact::telephone).filter(t -> t != null && !t.isBlank()).findFirst();
    }

    /** The rules as loaded, for the privacy officer's policy page. */
    public List<Rule> rules() {
        return rules;
    }

    public List<CoveringService> services() {
        return services;
    }
}
