package com.carepoint.gpconnect;

import com.carepoint.access.CurrentUser;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The GP Connect access token: an unsigned JWT ({@code alg: none}), new for every request, naming the real
 * signed-in user, their organisation and this system, with {@code exp} exactly 300 seconds after {@code iat}.
 */
final class GpcJwt {

    static final String SDS_USER = "https://fhir.nhs.uk/Id/sds-user-id";
    static final String SDS_ROLE_PROFILE = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

    private GpcJwt() {
    }

    static String create(CurrentUser user, String audience, String scope, GpConnectProperties properties, Clock clock) {
        Instant now = clock.instant();
        long iat = now.getEpochSecond();
        String localUserSystem = properties.consumerSystemUrl() + "/Id/user-id";
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.consumerSystemUrl())
                .subject(user.userId())
                .audience(audience)
                .issueTime(new Date(iat * 1000))
                .expirationTime(new Date((iat + 300) * 1000))
                .claim("reason_for_request", "directcare")
                .claim("requested_scope", scope)
                .claim("requesting_device", Map.of(
                        "resourceType", "Device",
                        "identifier", List.of(Map.of("system", properties.consumerSystemUrl() + "/Id/device",
                                "value", "carepoint")),
                        "model", "Carepoint",
                        "version", properties.softwareVersion()))
                .claim("requesting_organization", Map.of(
                        "resourceType", "Organization",
                        "name", user.organisation().name(),
                        "identifier", List.of(Map.of("system", ODS, "value", user.organisation().odsCode()))))
                .claim("requesting_practitioner", Map.of(
                        "resourceType", "Practitioner",
                        "id", user.userId(),
                        "name", List.of(name(user.name())),
                        "identifier", List.of(
                                Map.of("system", SDS_USER, "value", user.sdsUserId()),
                                Map.of("system", SDS_ROLE_PROFILE, "value", user.sdsRoleProfileId()),
                                Map.of("system", localUserSystem, "value", user.userId()))))
                .build();
        return new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claims).serialize();
    }

    private static Map<String, Object> name(String full) {
        String trimmed = full.trim();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? Map.of("family", trimmed)
                : Map.of("family", trimmed.substring(space + 1), "given", List.of(trimmed.substring(0, space)));
    }
}
