package com.carepoint.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.carepoint.access.DataSharingPolicy.Permission;
import com.carepoint.access.DataSharingPolicy.Rule;
import com.carepoint.kernel.SectionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The data-sharing policy: a mistake in the policy file stops start-up with a message saying what is wrong, and the
 * first rule matching a user's role (and organisation type) decides what they may see. No Spring context: the policy
 * is built directly from small YAML files.
 */
class DataSharingPolicyTest {

    @TempDir
    Path dir;

    static final CurrentUser PARAMEDIC = DemoUsers.PARAMEDIC;
    static final CurrentUser CLINICIAN_111 = DemoUsers.CLINICIAN_111;
    static final CurrentUser SOCIAL_CARE = DemoUsers.SOCIAL_CARE;
    static final CurrentUser PRIVACY_OFFICER = DemoUsers.PRIVACY_OFFICER;

    static CurrentUser user(Role role, OrganisationType type) {
        return new CurrentUser("u1", "Test User", role, new Organisation("X1", "Test organisation", type), null, null);
    }

    DataSharingPolicy policy(String yaml) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, yaml);
        return new DataSharingPolicy(new DefaultResourceLoader(), file.toUri().toString());
    }

    // --- Start-up validation -----------------------------------------------------------------------------------

    @Test
    void unknownRoleFailsStartUp() {
        assertThatIllegalStateException().isThrownBy(() -> policy("""
                rules:
                  - role: paramedic
                    sections: [allergies]
                  - role: surgeon
                    sections: [allergies]
                """)).withMessage("Data-sharing policy names an unknown role: surgeon");
    }

    @Test
    void missingRoleFailsStartUp() {
        assertThatIllegalStateException().isThrownBy(() -> policy("""
                rules:
                  - sections: [allergies]
                """)).withMessage("Data-sharing policy names an unknown role: null");
    }

    @Test
    void unknownOrganisationTypeFailsStartUp() {
        assertThatIllegalStateException().isThrownBy(() -> policy("""
                rules:
                  - role: paramedic
                    organisation-types: [ambulance-trust, fire-service]
                    sections: [allergies]
                """)).withMessage("Data-sharing policy names an unknown organisation type: fire-service");
    }

    @Test
    void unknownSectionFailsStartUp() {
        assertThatIllegalStateException().isThrownBy(() -> policy("""
                rules:
                  - role: paramedic
                    sections: [allergies, x-rays]
                """)).withMessage("Data-sharing policy names an unknown section: x-rays")
                .withCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMistakeInALaterRuleIsFoundToo() {
        assertThatIllegalStateException().isThrownBy(() -> policy("""
                rules:
                  - role: paramedic
                    sections: [allergies]
                  - role: social-care-worker
                    sections: [allergies]
                  - role: privacy-officer
                    organisation-types: [other]
                    sections: [diaries]
                """)).withMessage("Data-sharing policy names an unknown section: diaries");
    }

    @Test
    void unreadableFileFailsStartUp() {
        String missing = dir.resolve("no-such-policy.yaml").toUri().toString();
        assertThatIllegalStateException()
                .isThrownBy(() -> new DataSharingPolicy(new DefaultResourceLoader(), missing))
                .withMessage("Cannot read the data-sharing policy at " + missing)
                .withCauseInstanceOf(IOException.class);
    }

    @Test
    void rulesGivenDirectlyAreValidatedAsTheFileIs() {
        assertThatIllegalStateException()
                .isThrownBy(() -> DataSharingPolicy.of(List.of(new Rule("surgeon", null, null, false, false))))
                .withMessage("Data-sharing policy names an unknown role: surgeon");
        assertThatIllegalStateException()
                .isThrownBy(() -> DataSharingPolicy.of(List.of(
                        new Rule("paramedic", List.of("moon-base"), List.of("allergies"), false, false))))
                .withMessage("Data-sharing policy names an unknown organisation type: moon-base");
        assertThatIllegalStateException()
                .isThrownBy(() -> DataSharingPolicy.of(List.of(
                        new Rule("paramedic", null, List.of("allergies", "genome"), false, false))))
                .withMessage("Data-sharing policy names an unknown section: genome");
    }

    @Test
    void namesAreMatchedLeniently() throws IOException {
        // Claim values or enum names, any case, surrounding spaces ignored.
        DataSharingPolicy p = policy("""
                rules:
                  - role: " PARAMEDIC "
                    organisation-types: [AMBULANCE_TRUST, " Urgent-Care "]
                    sections: [" Allergies", MEDICATIONS, diary]
                """);
        assertThat(p.permissionFor(PARAMEDIC).sections())
                .containsExactlyInAnyOrder(SectionKind.ALLERGIES, SectionKind.MEDICATIONS, SectionKind.DIARY);
        assertThat(p.permissionFor(user(Role.PARAMEDIC, OrganisationType.URGENT_CARE)).sections()).hasSize(3);
    }

    // --- Permissions ---------------------------------------------------------------------------------------------

    static final String POLICY = """
            rules:
              - role: paramedic
                organisation-types: [ambulance-trust]
                sections: [allergies, medications, problems, consultations]
                emergency-access: true
              - role: paramedic
                sections: [allergies]
              - role: clinician-111
                organisation-types: [nhs-111, urgent-care]
                sections: [allergies, medications, problems, investigations]
                current-only: false
                emergency-access: true
              - role: social-care-worker
                sections: [allergies, medications, problems]
                current-only: true
              - role: privacy-officer
                sections: []
                emergency-access: true
            """;

    @Test
    void firstMatchingRuleApplies() throws IOException {
        DataSharingPolicy p = policy(POLICY);
        Permission ambulance = p.permissionFor(PARAMEDIC);
        assertThat(ambulance.sections()).isEqualTo(EnumSet.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
                SectionKind.PROBLEMS, SectionKind.CONSULTATIONS));
        assertThat(ambulance.currentOnly()).isFalse();
        assertThat(ambulance.emergencyAccess()).isTrue();

        // A paramedic in another organisation type falls through to the second paramedic rule.
        Permission elsewhere = p.permissionFor(user(Role.PARAMEDIC, OrganisationType.NHS_TRUST));
        assertThat(elsewhere.sections()).containsExactly(SectionKind.ALLERGIES);
        assertThat(elsewhere.emergencyAccess()).isFalse();
        assertThat(elsewhere.currentOnly()).isFalse();
    }

    @Test
    void organisationTypesRestrictARule() throws IOException {
        DataSharingPolicy p = policy(POLICY);
        assertThat(p.permissionFor(CLINICIAN_111).sections()).contains(SectionKind.INVESTIGATIONS).hasSize(4);
        assertThat(p.permissionFor(user(Role.CLINICIAN_111, OrganisationType.URGENT_CARE)).sections()).hasSize(4);
        // No rule for a 111 clinician working for a GP practice: nothing.
        Permission gp = p.permissionFor(user(Role.CLINICIAN_111, OrganisationType.GP_PRACTICE));
        assertThat(gp).isEqualTo(Permission.NOTHING);
        assertThat(gp.anyClinicalData()).isFalse();
    }

    @Test
    void currentOnly() throws IOException {
        DataSharingPolicy p = policy(POLICY);
        Permission social = p.permissionFor(SOCIAL_CARE);
        assertThat(social.currentOnly()).isTrue();
        assertThat(social.emergencyAccess()).isFalse();
        assertThat(social.sections()).containsExactlyInAnyOrder(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
                SectionKind.PROBLEMS);
        assertThat(p.permissionFor(CLINICIAN_111).currentOnly()).isFalse();
    }

    @Test
    void emergencyAccessNeedsSomeClinicalData() throws IOException {
        // The privacy officer's rule says emergency access but grants no sections: no emergency access.
        Permission privacy = policy(POLICY).permissionFor(PRIVACY_OFFICER);
        assertThat(privacy.sections()).isEmpty();
        assertThat(privacy.anyClinicalData()).isFalse();
        assertThat(privacy.emergencyAccess()).isFalse();
    }

    @Test
    void noMatchingRuleMeansNothing() throws IOException {
        DataSharingPolicy p = policy("""
                rules:
                  - role: paramedic
                    sections: [allergies]
                """);
        assertThat(p.permissionFor(CLINICIAN_111)).isSameAs(Permission.NOTHING);
        assertThat(Permission.NOTHING.sections()).isEmpty();
        assertThat(Permission.NOTHING.currentOnly()).isTrue();
        assertThat(Permission.NOTHING.emergencyAccess()).isFalse();
        for (SectionKind k : SectionKind.values()) {
            assertThat(Permission.NOTHING.allows(k)).isFalse();
        }
    }

    @Test
    void allowsAndAnyClinicalData() {
        Permission p = new Permission(EnumSet.of(SectionKind.ALLERGIES), false, false);
        assertThat(p.allows(SectionKind.ALLERGIES)).isTrue();
        assertThat(p.allows(SectionKind.MEDICATIONS)).isFalse();
        assertThat(p.anyClinicalData()).isTrue();
    }

    @Test
    void missingFlagsAndListsDefault() throws IOException {
        DataSharingPolicy p = policy("""
                rules:
                  - role: paramedic
                """);
        Rule r = p.rules().getFirst();
        assertThat(r.organisationTypes()).isEmpty();
        assertThat(r.sections()).isEmpty();
        assertThat(r.currentOnly()).isFalse();
        assertThat(r.emergencyAccess()).isFalse();
        assertThat(p.permissionFor(PARAMEDIC).sections()).isEmpty();
    }

    @Test
    void rulesAsLoadedInOrderAndUnmodifiable() throws IOException {
        DataSharingPolicy p = policy(POLICY);
        assertThat(p.rules()).extracting(Rule::role).containsExactly("paramedic", "paramedic", "clinician-111",
                "social-care-worker", "privacy-officer");
        assertThat(p.rules().get(2).organisationTypes()).containsExactly("nhs-111", "urgent-care");
        assertThat(p.rules().get(3).currentOnly()).isTrue();
        assertThat(p.rules().getFirst().emergencyAccess()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.rules().add(p.rules().getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rulesGivenDirectly() {
        List<Rule> given = new ArrayList<>(List.of(
                new Rule("social-care-worker", List.of("local-authority"), List.of("allergies"), true, true),
                new Rule("paramedic", List.of(), List.of("medications", "problems"), false, true)));
        DataSharingPolicy p = DataSharingPolicy.of(given);
        given.clear();
        assertThat(p.rules()).hasSize(2);
        Permission social = p.permissionFor(SOCIAL_CARE);
        assertThat(social.sections()).containsExactly(SectionKind.ALLERGIES);
        assertThat(social.currentOnly()).isTrue();
        assertThat(social.emergencyAccess()).isTrue();
        assertThat(p.permissionFor(user(Role.SOCIAL_CARE, OrganisationType.NHS_TRUST))).isEqualTo(Permission.NOTHING);
        assertThat(p.permissionFor(PARAMEDIC).sections()).containsExactly(SectionKind.MEDICATIONS,
                SectionKind.PROBLEMS);
    }

    @Test
    void ruleListsAreCopied() {
        List<String> sections = new ArrayList<>(List.of("allergies"));
        Rule r = new Rule("paramedic", null, sections, false, false);
        sections.add("diary");
        assertThat(r.sections()).containsExactly("allergies");
        assertThat(r.organisationTypes()).isEmpty();
    }

    /** The policy Carepoint ships with, as the demo users meet it. */
    @Test
    void shippedPolicy() {
        DataSharingPolicy p = new DataSharingPolicy(new DefaultResourceLoader(),
                "classpath:policy/data-sharing-policy.yaml");
        Permission paramedic = p.permissionFor(PARAMEDIC);
        assertThat(paramedic.sections()).isEqualTo(EnumSet.allOf(SectionKind.class));
        assertThat(paramedic.emergencyAccess()).isTrue();
        assertThat(paramedic.currentOnly()).isFalse();
        Permission nhs111 = p.permissionFor(CLINICIAN_111);
        assertThat(nhs111.sections()).isEqualTo(EnumSet.allOf(SectionKind.class));
        assertThat(nhs111.emergencyAccess()).isTrue();
        Permission social = p.permissionFor(SOCIAL_CARE);
        assertThat(social.sections()).isEqualTo(EnumSet.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
                SectionKind.PROBLEMS));
        assertThat(social.currentOnly()).isTrue();
        assertThat(social.emergencyAccess()).isFalse();
        Permission privacy = p.permissionFor(PRIVACY_OFFICER);
        assertThat(privacy.anyClinicalData()).isFalse();
        assertThat(privacy.emergencyAccess()).isFalse();
    }

    // --- Documents (GP Connect Access Document) --------------------------------------------------------------------

    /** Paramedics and NHS 111 clinicians see the documents filed in the record; social care does not. */
    @Test
    void shippedPolicyGivesDocumentsToParamedicsAnd111CliniciansOnly() {
        DataSharingPolicy p = new DataSharingPolicy(new DefaultResourceLoader(),
                "classpath:policy/data-sharing-policy.yaml");
        assertThat(p.permissionFor(PARAMEDIC).allows(SectionKind.DOCUMENTS)).isTrue();
        assertThat(p.permissionFor(CLINICIAN_111).allows(SectionKind.DOCUMENTS)).isTrue();
        assertThat(p.permissionFor(SOCIAL_CARE).allows(SectionKind.DOCUMENTS)).isFalse();
        assertThat(p.permissionFor(PRIVACY_OFFICER).allows(SectionKind.DOCUMENTS)).isFalse();
        // The shipped file names the section as the policy file's other sections are named.
        assertThat(p.rules().get(0).sections()).contains("documents");
        assertThat(p.rules().get(1).sections()).contains("documents");
        assertThat(p.rules().get(2).sections()).doesNotContain("documents");
    }

    @Test
    void documentsIsASectionNameOfThePolicyFile() throws IOException {
        DataSharingPolicy p = policy("""
                rules:
                  - role: paramedic
                    sections: [allergies, Documents]
                """);
        assertThat(p.permissionFor(PARAMEDIC).sections()).containsExactlyInAnyOrder(SectionKind.ALLERGIES,
                SectionKind.DOCUMENTS);
    }

    /** Documents are history: a current-only rule never gives them, so no list "filtered to current" reads as none. */
    @Test
    void aCurrentOnlyRuleNeverGivesDocuments() throws IOException {
        DataSharingPolicy p = policy("""
                rules:
                  - role: social-care-worker
                    sections: [allergies, documents]
                    current-only: true
                  - role: paramedic
                    sections: [documents]
                """);
        Permission social = p.permissionFor(SOCIAL_CARE);
        assertThat(social.sections()).containsExactly(SectionKind.ALLERGIES);
        assertThat(social.allows(SectionKind.DOCUMENTS)).isFalse();
        assertThat(p.permissionFor(PARAMEDIC).sections()).containsExactly(SectionKind.DOCUMENTS);
        // The rule as written is kept for the privacy officer's view.
        assertThat(p.rules().getFirst().sections()).containsExactly("allergies", "documents");
    }
}
