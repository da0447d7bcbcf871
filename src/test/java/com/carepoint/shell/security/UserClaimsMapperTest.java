package com.carepoint.shell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserClaimsMapperTest {

    private final AuthProperties.Claims names = new AuthProperties.Claims("carepoint_role", "org_ods_code", "org_name",
            "org_type", "nhsid_useruid", "selected_roleid");
    private final UserClaimsMapper mapper = new UserClaimsMapper(
            new AuthProperties("", "carepoint", "", List.of("openid"), names,
                    new AuthProperties.Embedded("s", List.of())));

    private Map<String, Object> claims() {
        Map<String, Object> c = new HashMap<>();
        c.put("name", "Alex Morgan");
        c.put("carepoint_role", "paramedic");
        c.put("org_ods_code", "RX9");
        c.put("org_name", "Northshire Ambulance Service NHS Trust");
        c.put("org_type", "ambulance-trust");
        c.put("nhsid_useruid", "555021935107");
        c.put("selected_roleid", "555021936108");
        return c;
    }

    @Test
    void mapsCis2StyleClaimsIntoTheCurrentUser() {
        CurrentUser u = mapper.map("user-1", claims()).orElseThrow();
        assertThat(u.userId()).isEqualTo("user-1");
        assertThat(u.name()).isEqualTo("Alex Morgan");
        assertThat(u.role()).isEqualTo(Role.PARAMEDIC);
        assertThat(u.organisation().odsCode()).isEqualTo("RX9");
        assertThat(u.organisation().type()).isEqualTo(OrganisationType.AMBULANCE_TRUST);
        assertThat(u.sdsUserId()).isEqualTo("555021935107");
        assertThat(u.sdsRoleProfileId()).isEqualTo("555021936108");
    }

    @Test
    void missingSdsIdsBecomeUnk() {
        Map<String, Object> c = claims();
        c.remove("nhsid_useruid");
        c.put("selected_roleid", " ");
        CurrentUser u = mapper.map("user-1", c).orElseThrow();
        assertThat(u.sdsUserId()).isEqualTo("UNK");
        assertThat(u.sdsRoleProfileId()).isEqualTo("UNK");
    }

    @Test
    void aRoleGivenAsAListUsesItsFirstValue() {
        Map<String, Object> c = claims();
        c.put("carepoint_role", List.of("clinician-111"));
        assertThat(mapper.map("u", c)).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.CLINICIAN_111));
    }

    @Test
    void noUserWithoutAKnownRoleOrAnOrganisation() {
        Map<String, Object> unknownRole = claims();
        unknownRole.put("carepoint_role", "surgeon");
        Map<String, Object> noOrg = claims();
        noOrg.remove("org_ods_code");
        assertThat(mapper.map("u", unknownRole)).isEmpty();
        assertThat(mapper.map("u", noOrg)).isEmpty();
    }

    @Test
    void anUnknownOrganisationTypeIsOther() {
        Map<String, Object> c = claims();
        c.put("org_type", "spaceship");
        assertThat(mapper.map("u", c)).hasValueSatisfying(
                u -> assertThat(u.organisation().type()).isEqualTo(OrganisationType.OTHER));
    }
}
