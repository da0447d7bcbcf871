package com.carepoint.demopractice.provider;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import com.carepoint.demopractice.data.Practice;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks every request as the GP Connect specification says a provider must, before any data is touched: the Ssp
 * headers, the interaction ID for the operation, the unsigned JWT and its claims, the scope, and the practice's own
 * controls (capability switched off, organisations refused). Each failure is the specification's error code.
 */
@Interceptor
final class StrictRequestInterceptor {

    /** Which GP Connect capability an operation belongs to (each can be switched off at a practice). */
    enum Capability {
        FOUNDATIONS, STRUCTURED, APPOINTMENTS, DOCUMENTS
    }

    /** What an operation needs: the interaction ID(s) it must be called with and the scope it needs. */
    record Expectation(Set<String> interactions, String scope, Capability capability) {

        Expectation(Set<String> interactions, String scope, boolean structured) {
            this(interactions, scope, structured ? Capability.STRUCTURED : Capability.FOUNDATIONS);
        }

        Expectation(Set<String> interactions, String scope, boolean structured, boolean documents) {
            this(interactions, scope, documents ? Capability.DOCUMENTS
                    : structured ? Capability.STRUCTURED : Capability.FOUNDATIONS);
        }

        boolean documents() {
            return capability == Capability.DOCUMENTS;
        }

        boolean structured() {
            return capability == Capability.STRUCTURED;
        }
    }

    private final Practice practice;
    private final EndpointKind kind;
    private final Clock clock;
    private final Function<String, Optional<String>> organisationType;

    /**
     * @param organisationType the organisation register: an ODS code's organisation type, if known
     */
    StrictRequestInterceptor(Practice practice, EndpointKind kind, Clock clock,
            Function<String, Optional<String>> organisationType) {
        this.practice = practice;
        this.kind = kind;
        this.clock = clock;
        this.organisationType = organisationType;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        checkMediaTypes(request);
        Expectation expected = kind == EndpointKind.DOCUMENTS
                ? documentsExpectation(operation, request.getResourceName(), request.getCompartmentName())
                : expectation(operation, request.getResourceName(), request.getOperation(),
                        request.getCompartmentName());
        checkSspHeaders(request, expected);
        if (expected.structured() && kind == EndpointKind.FOUNDATIONS
                || !expected.structured() && operation != RestOperationTypeEnum.METADATA && kind == EndpointKind.STRUCTURED) {
            throw GpcErrors.notImplemented("This service root does not serve " + request.getHeader("Ssp-InteractionID")
                    + "; look up the endpoint for this interaction in the directory");
        }
        Map<String, Object> claims = checkJwt(request, expected);
        if (expected.documents() && !practice.capabilities().documentsEnabled()) {
            // Access Document pages, "Error handling": "The Access Document capability is not enabled at the
            // practice" → ACCESS_DENIED.
            throw GpcErrors.accessDenied("The practice has switched Access Document off");
        }
        boolean enabled = switch (expected.capability()) {
            case STRUCTURED -> practice.capabilities().structured();
            case FOUNDATIONS -> practice.capabilities().foundations();
            // A practice that has not enabled Appointment Management registers none of its interactions in the
            // directory (integration_sds_registering_endpoints.md: "GP Connect Interaction IDs MUST be registered on
            // both MHS and AS records"), so a consumer finds no endpoint for them; a request sent anyway is refused.
            case APPOINTMENTS -> practice.capabilities().appointments();
            case DOCUMENTS -> practice.capabilities().documentsEnabled();
        };
        if (!enabled) {
            throw GpcErrors.accessDenied("The practice has switched this capability off");
        }
        String requestingOds = odsCode(claims);
        if (practice.refusedOrganisations().stream().anyMatch(o -> o.equalsIgnoreCase(requestingOds))) {
            throw GpcErrors.noOrganisationConsent("The practice has not agreed to share records with organisation "
                    + requestingOds);
        }
        Optional<String> type = organisationType.apply(requestingOds);
        if (type.isPresent() && practice.refusedOrganisationTypes().stream().anyMatch(t -> t.equalsIgnoreCase(type.get()))) {
            throw GpcErrors.noOrganisationConsent("The practice has not agreed to share records with organisations of "
                    + "type " + type.get() + " (" + requestingOds + ")");
        }
        if ("POST".equals(request.getRequestType().name()) || "PUT".equals(request.getRequestType().name())) {
            String contentType = request.getHeader("Content-Type");
            String mediaType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            // Appointment bodies may be JSON or XML (general API guidance: "Servers SHALL support JSON ... SHOULD
            // support XML"); the structured record's Parameters is read as JSON.
            boolean accepted = mediaType.startsWith(Gpc.FHIR_JSON)
                    || expected.capability() == Capability.APPOINTMENTS && mediaType.startsWith(Gpc.FHIR_XML);
            if (!accepted) {
                throw GpcErrors.badRequest("Content-Type must be " + Gpc.FHIR_JSON + ";charset=utf-8");
            }
        }
    }

    /** The FHIR STU3 mime types a GP Connect provider serves. */
    static final Set<String> FHIR_MIME_TYPES = Set.of("application/fhir+json", "application/fhir+xml");

    /**
     * GP Connect "General API guidance" (pages/development/development_general_api_guidance.md, "Content types"):
     * servers support {@code application/fhir+json} (SHALL) and {@code application/fhir+xml}; "Servers SHALL support
     * the optional _format parameter in order to allow the client to specify the response format by its
     * MIME-type", and "If a server receives a request for a format that it does not support, it SHALL return ...
     * 415". So {@code _format=json} (not a MIME type), or an Accept header that names no FHIR STU3 mime type, is 415.
     */
    private static void checkMediaTypes(RequestDetails request) {
        String[] formats = request.getParameters().get("_format");
        if (formats != null) {
            for (String f : formats) {
                if (!FHIR_MIME_TYPES.contains(mimeType(f))) {
                    throw GpcErrors.unsupportedMediaType("_format " + f + " is not a supported FHIR mime type");
                }
            }
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            boolean any = Arrays.stream(accept.split(",")).map(StrictRequestInterceptor::mimeType)
                    .anyMatch(m -> FHIR_MIME_TYPES.contains(m) || m.equals("*/*") || m.equals("application/*"));
            if (!any) {
                throw GpcErrors.unsupportedMediaType("Unsupported accept media type " + accept);
            }
        }
    }

    private static String mimeType(String value) {
        return value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The interaction ID and scope each operation needs. Appointment Management: the interaction IDs of each use case
     * page's "Request headers"; the scopes of the JWT page's table (pages/integration/
     * integration_cross_organisation_audit_and_provenance.md: {@code organization/*.read} for "Search for free
     * slots", {@code patient/*.read} for "Retrieve a patient's appointments" and "Read an appointment",
     * {@code patient/*.write} for "Book/Amend/Cancel an appointment").
     */
    static Expectation expectation(RestOperationTypeEnum operation, String resource, String operationName,
            String compartment) {
        return switch (operation) {
            case METADATA -> new Expectation(Set.of(Gpc.METADATA, Gpc.STRUCTURED_METADATA), Gpc.SCOPE_ORGANIZATION_READ,
                    false);
            case SEARCH_TYPE, SEARCH_SYSTEM -> switch (String.valueOf(resource)) {
                case "Patient" -> "Appointment".equals(compartment)
                        ? new Expectation(Set.of(Gpc.SEARCH_PATIENT_APPOINTMENTS), Gpc.SCOPE_PATIENT_READ,
                                Capability.APPOINTMENTS)
                        : new Expectation(Set.of(Gpc.SEARCH_PATIENT), Gpc.SCOPE_PATIENT_READ, false);
                case "Slot" -> new Expectation(Set.of(Gpc.SEARCH_SLOT), Gpc.SCOPE_ORGANIZATION_READ,
                        Capability.APPOINTMENTS);
                case "Practitioner" -> new Expectation(Set.of(Gpc.SEARCH_PRACTITIONER), Gpc.SCOPE_ORGANIZATION_READ, false);
                case "Organization" -> new Expectation(Set.of(Gpc.SEARCH_ORGANIZATION), Gpc.SCOPE_ORGANIZATION_READ, false);
                default -> throw GpcErrors.badRequest("Search on " + resource + " is not supported");
            };
            case READ -> switch (String.valueOf(resource)) {
                case "Patient" -> new Expectation(Set.of(Gpc.READ_PATIENT), Gpc.SCOPE_PATIENT_READ, false);
                case "Practitioner" -> new Expectation(Set.of(Gpc.READ_PRACTITIONER), Gpc.SCOPE_ORGANIZATION_READ, false);
                case "Organization" -> new Expectation(Set.of(Gpc.READ_ORGANIZATION), Gpc.SCOPE_ORGANIZATION_READ, false);
                case "Location" -> new Expectation(Set.of(Gpc.READ_LOCATION), Gpc.SCOPE_ORGANIZATION_READ, false);
                case "Appointment" -> new Expectation(Set.of(Gpc.READ_APPOINTMENT), Gpc.SCOPE_PATIENT_READ,
                        Capability.APPOINTMENTS);
                default -> throw GpcErrors.badRequest("Read of " + resource + " is not supported");
            };
            case CREATE -> {
                if ("Appointment".equals(resource)) {
                    yield new Expectation(Set.of(Gpc.CREATE_APPOINTMENT), Gpc.SCOPE_PATIENT_WRITE, Capability.APPOINTMENTS);
                }
                throw GpcErrors.badRequest("Create of " + resource + " is not supported");
            }
            // Amend and Cancel are the same PUT; the interaction ID names which one it is.
            case UPDATE -> {
                if ("Appointment".equals(resource)) {
                    yield new Expectation(Set.of(Gpc.AMEND_APPOINTMENT, Gpc.CANCEL_APPOINTMENT), Gpc.SCOPE_PATIENT_WRITE,
                            Capability.APPOINTMENTS);
                }
                throw GpcErrors.badRequest("Update of " + resource + " is not supported");
            }
            case EXTENDED_OPERATION_TYPE -> {
                if (Gpc.STRUCTURED_OPERATION.equals(operationName) && "Patient".equals(resource)) {
                    yield new Expectation(Set.of(Gpc.STRUCTURED), Gpc.SCOPE_PATIENT_READ, true);
                }
                throw GpcErrors.badRequest("Operation " + operationName + " is not supported");
            }
            default -> throw GpcErrors.badRequest("Operation " + operation + " is not supported");
        };
    }

    /**
     * The Access Document interactions (nhsconnect/gpconnect pages/access_documents/, each page's "Request headers"
     * table): metadata ({@code documents:fhir:rest:read:metadata-1}), find a patient
     * ({@code documents:fhir:rest:search:patient-1}, "GET /Patient?identifier=[system]|[value]"), search for a
     * patient's documents ({@code documents:fhir:rest:search:documentreference-1},
     * "GET /Patient/[id]/DocumentReference?..."), retrieve a document ({@code documents:fhir:rest:read:binary-1},
     * "GET /Binary/[id]"). Patient data needs {@code patient/*.read}, the capability statement
     * {@code organization/*.read}, as for the other capabilities.
     */
    static Expectation documentsExpectation(RestOperationTypeEnum operation, String resource, String compartment) {
        return switch (operation) {
            case METADATA -> new Expectation(Set.of(Gpc.DOCUMENTS_METADATA), Gpc.SCOPE_ORGANIZATION_READ, false, true);
            case SEARCH_TYPE, SEARCH_SYSTEM -> {
                if ("Patient".equals(resource) && "DocumentReference".equals(compartment)) {
                    yield new Expectation(Set.of(Gpc.DOCUMENTS_SEARCH, Gpc.DOCUMENTS_SEARCH_HYPHEN), Gpc.SCOPE_PATIENT_READ,
                            false, true);
                }
                if ("Patient".equals(resource) && compartment == null) {
                    yield new Expectation(Set.of(Gpc.DOCUMENTS_SEARCH_PATIENT), Gpc.SCOPE_PATIENT_READ, false, true);
                }
                throw GpcErrors.badRequest("Search on " + resource + " is not supported by Access Document");
            }
            case READ -> {
                if ("Binary".equals(resource)) {
                    yield new Expectation(Set.of(Gpc.DOCUMENTS_BINARY), Gpc.SCOPE_PATIENT_READ, false, true);
                }
                throw GpcErrors.badRequest("Read of " + resource + " is not supported by Access Document");
            }
            default -> throw GpcErrors.badRequest("Operation " + operation + " is not supported by Access Document");
        };
    }

    private void checkSspHeaders(RequestDetails request, Expectation expected) {
        String traceId = request.getHeader("Ssp-TraceID");
        if (traceId == null || traceId.isBlank()) {
            throw GpcErrors.badRequest("Ssp-TraceID header is missing");
        }
        try {
            UUID.fromString(traceId.trim());
        } catch (IllegalArgumentException e) {
            throw GpcErrors.badRequest("Ssp-TraceID header is not a UUID");
        }
        String from = request.getHeader("Ssp-From");
        if (from == null || from.isBlank()) {
            throw GpcErrors.badRequest("Ssp-From header (the consumer's ASID) is missing");
        }
        String to = request.getHeader("Ssp-To");
        if (to == null || to.isBlank()) {
            throw GpcErrors.badRequest("Ssp-To header (the provider's ASID) is missing");
        }
        if (!to.trim().equals(practice.asid())) {
            throw GpcErrors.badRequest("Ssp-To header does not match this provider's ASID");
        }
        String interaction = request.getHeader("Ssp-InteractionID");
        if (interaction == null || interaction.isBlank()) {
            throw GpcErrors.badRequest("Ssp-InteractionID header is missing");
        }
        if (!expected.interactions().contains(interaction.trim())) {
            throw GpcErrors.badRequest("Ssp-InteractionID " + interaction + " does not match the request");
        }
    }

    private Map<String, Object> checkJwt(RequestDetails request, Expectation expected) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw GpcErrors.badRequest("Authorization header with a Bearer JWT is missing");
        }
        String token = authorization.substring("Bearer ".length()).trim();
        if (!token.endsWith(".") || token.split("\\.", -1).length != 3) {
            throw GpcErrors.badRequest("JWT must be unsigned: header.payload. with an empty signature");
        }
        JWTClaimsSet claims;
        try {
            PlainJWT jwt = PlainJWT.parse(token);
            PlainHeader header = jwt.getHeader();
            if (!JOSEObjectType.JWT.equals(header.getType())) {
                throw GpcErrors.badRequest("JWT header typ must be JWT");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw GpcErrors.badRequest("JWT is not an unsigned JWT with alg none: " + e.getMessage());
        }
        requireText(claims.getIssuer(), "iss");
        String sub = requireText(claims.getSubject(), "sub");
        List<String> audience = claims.getAudience();
        String root = stripSlash(request.getFhirServerBase());
        if (audience == null || audience.size() != 1 || !root.equals(stripSlash(audience.getFirst()))) {
            throw GpcErrors.badRequest("JWT aud must be this provider's service root " + root);
        }
        Date iat = claims.getIssueTime();
        Date exp = claims.getExpirationTime();
        if (iat == null || exp == null) {
            throw GpcErrors.badRequest("JWT iat and exp are required");
        }
        if (exp.toInstant().getEpochSecond() - iat.toInstant().getEpochSecond() != 300) {
            throw GpcErrors.badRequest("JWT exp must be exactly iat + 300 seconds");
        }
        Instant now = clock.instant();
        if (iat.toInstant().isAfter(now.plusSeconds(5))) {
            throw GpcErrors.badRequest("JWT iat is in the future");
        }
        if (!exp.toInstant().isAfter(now)) {
            throw GpcErrors.badRequest("JWT has expired");
        }
        Object reason = claims.getClaim("reason_for_request");
        if (!"directcare".equals(reason)) {
            throw GpcErrors.badRequest("JWT reason_for_request must be directcare");
        }
        checkScope(claims.getClaim("requested_scope"), expected.scope());
        Map<String, Object> all = claims.getClaims();
        checkDevice(all.get("requesting_device"));
        checkOrganization(all.get("requesting_organization"));
        checkPractitioner(all.get("requesting_practitioner"), sub);
        return all;
    }

    private void checkScope(Object scopeClaim, String expected) {
        if (!(scopeClaim instanceof String scope) || scope.isBlank()) {
            throw GpcErrors.badRequest("JWT requested_scope is missing");
        }
        String[] parts = scope.trim().split("\\s+");
        if (!parts[0].equals(expected)) {
            throw GpcErrors.badRequest("JWT requested_scope " + scope + " does not fit this request (" + expected + ")");
        }
        if (parts.length > 2 || parts.length == 2 && !parts[1].matches("conf/[NR]")) {
            throw GpcErrors.badRequest("JWT requested_scope " + scope + " is not valid");
        }
        if (parts.length == 2 && practice.isVersion15()) {
            throw GpcErrors.badRequest("JWT requested_scope " + scope + ": this provider implements GP Connect "
                    + practice.gpConnectVersion() + " and does not accept a confidentiality scope");
        }
    }

    private static void checkDevice(Object value) {
        Map<?, ?> device = resource(value, "Device", "requesting_device");
        if (!(device.get("identifier") instanceof Collection<?> ids) || ids.isEmpty()
                || !ids.stream().allMatch(i -> i instanceof Map<?, ?> m && text(m.get("system")) && text(m.get("value")))) {
            throw GpcErrors.badRequest("JWT requesting_device needs an identifier with system and value");
        }
        if (!text(device.get("model")) || !text(device.get("version"))) {
            throw GpcErrors.badRequest("JWT requesting_device needs model and version");
        }
    }

    private static void checkOrganization(Object value) {
        Map<?, ?> org = resource(value, "Organization", "requesting_organization");
        if (!text(org.get("name"))) {
            throw GpcErrors.badRequest("JWT requesting_organization needs a name");
        }
        if (odsCodeOf(org) == null) {
            throw GpcErrors.badRequest("JWT requesting_organization needs an identifier in " + Gpc.ODS_ORGANIZATION);
        }
    }

    private static void checkPractitioner(Object value, String sub) {
        Map<?, ?> p = resource(value, "Practitioner", "requesting_practitioner");
        if (!text(p.get("id"))) {
            throw GpcErrors.badRequest("JWT requesting_practitioner needs an id");
        }
        if (!p.get("id").equals(sub)) {
            throw GpcErrors.badRequest("JWT sub must equal requesting_practitioner.id");
        }
        if (!(p.get("name") instanceof Collection<?> names) || names.isEmpty()) {
            throw GpcErrors.badRequest("JWT requesting_practitioner needs a name");
        }
        if (!(p.get("identifier") instanceof Collection<?> ids)) {
            throw GpcErrors.badRequest("JWT requesting_practitioner needs identifiers");
        }
        boolean sdsUser = false;
        boolean sdsRole = false;
        boolean local = false;
        for (Object o : ids) {
            if (o instanceof Map<?, ?> m && text(m.get("value"))) {
                String system = String.valueOf(m.get("system"));
                if (Gpc.SDS_USER.equals(system)) {
                    sdsUser = true;
                } else if (Gpc.SDS_ROLE_PROFILE.equals(system)) {
                    sdsRole = true;
                } else if (text(m.get("system"))) {
                    local = true;
                }
            }
        }
        if (!sdsUser || !sdsRole || !local) {
            throw GpcErrors.badRequest("JWT requesting_practitioner needs an SDS user id, an SDS role profile id "
                    + "(UNK where none) and a local user id");
        }
    }

    private static Map<?, ?> resource(Object value, String type, String claim) {
        if (!(value instanceof Map<?, ?> map) || !type.equals(map.get("resourceType"))) {
            throw GpcErrors.badRequest("JWT " + claim + " must be a " + type + " resource");
        }
        return map;
    }

    private static String odsCode(Map<String, Object> claims) {
        return odsCodeOf((Map<?, ?>) claims.get("requesting_organization"));
    }

    private static String odsCodeOf(Map<?, ?> org) {
        if (org.get("identifier") instanceof Collection<?> ids) {
            for (Object o : ids) {
                if (o instanceof Map<?, ?> m && Gpc.ODS_ORGANIZATION.equals(m.get("system")) && text(m.get("value"))) {
                    return m.get("value").toString();
                }
            }
        }
        return null;
    }

    private static String requireText(String value, String claim) {
        if (value == null || value.isBlank()) {
            throw GpcErrors.badRequest("JWT " + claim + " is required");
        }
        return value;
    }

    private static boolean text(Object o) {
        return o instanceof String s && !s.isBlank();
    }

    private static String stripSlash(String s) {
        return s == null ? "" : s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
