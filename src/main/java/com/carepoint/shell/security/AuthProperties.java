package com.carepoint.shell.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings ({@code carepoint.auth.*}). With no {@code issuer-uri} Carepoint signs users in against its own
 * embedded authorization server and demo users; with one it uses that OpenID Connect provider and the embedded
 * server is off.
 */
@ConfigurationProperties("carepoint.auth")
public record AuthProperties(
        String issuerUri,
        @DefaultValue("carepoint") String clientId,
        String clientSecret,
        @DefaultValue("openid,profile") List<String> scopes,
        @DefaultValue Claims claims,
        @DefaultValue Embedded embedded) {

    public boolean embeddedEnabled() {
        return issuerUri == null || issuerUri.isBlank();
    }

    /** Names of the ID token claims Carepoint reads. Defaults follow NHS CIS2 where CIS2 has the claim. */
    public record Claims(
            @DefaultValue("carepoint_role") String role,
            @DefaultValue("org_ods_code") String orgOdsCode,
            @DefaultValue("org_name") String orgName,
            @DefaultValue("org_type") String orgType,
            @DefaultValue("nhsid_useruid") String sdsUserId,
            @DefaultValue("selected_roleid") String sdsRoleProfileId) {
    }

    /** The embedded authorization server: its client secret and its demo users. */
    public record Embedded(
            @DefaultValue("carepoint-embedded-secret") String clientSecret,
            @DefaultValue List<DemoUser> users) {
    }

    /** A demo user of the embedded authorization server (synthetic, for demonstration and tests only). */
    public record DemoUser(String username, String password, String name, String role, String orgOdsCode,
            String orgName, String orgType, String sdsUserId, String sdsRoleProfileId) {
    }
}
