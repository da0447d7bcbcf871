package com.carepoint.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.DataSharingPolicy;
import com.carepoint.access.Organisation;
import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import com.carepoint.kernel.SectionKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The role × section matrix at service level: each role gets exactly its policy — a section it may not see is never
 * requested from the practice — and "current only" roles never ask for history nor get it back.
 */
class RecordAccessTest {

    static final DataSharingPolicy POLICY = new DataSharingPolicy(new DefaultResourceLoader(),
            "classpath:policy/data-sharing-policy.yaml");

    record Call(SectionKind kind, SectionRequest request) {
    }

    static CurrentUser user(Role role, OrganisationType type) {
        return new CurrentUser("u", "User", role, new Organisation("X1", "Org", type), null, null);
    }

    static Set<SectionKind> expected(Role role) {
        return switch (role) {
            case PARAMEDIC, CLINICIAN_111 -> EnumSet.allOf(SectionKind.class); // documents included
            case SOCIAL_CARE -> EnumSet.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS, SectionKind.PROBLEMS);
            case PRIVACY_OFFICER -> EnumSet.noneOf(SectionKind.class);
        };
    }

    static OrganisationType typeOf(Role role) {
        return switch (role) {
            case PARAMEDIC -> OrganisationType.AMBULANCE_TRUST;
            case CLINICIAN_111 -> OrganisationType.NHS_111;
            case SOCIAL_CARE -> OrganisationType.LOCAL_AUTHORITY;
            case PRIVACY_OFFICER -> OrganisationType.OTHER;
        };
    }

    /** A document source that records what it was asked for and answers with nothing. */
    static final class Documents implements PatientDocuments {
        final List<Call> calls = new ArrayList<>();
        final List<DocumentItem> retrieved = new ArrayList<>();

        @Override
        public FetchedSection list(PatientContext context) {
            calls.add(new Call(SectionKind.DOCUMENTS, SectionRequest.FULL));
            return new FetchedSection(Section.loaded(SectionKind.DOCUMENTS, List.of(), List.of(), List.of()),
                    Optional.empty(), "t");
        }

        @Override
        public RetrievedDocument retrieve(PatientContext context, DocumentItem document) {
            retrieved.add(document);
            return RetrievedDocument.of(new byte[] {'%', 'P', 'D', 'F', '-'}, "application/pdf", "t");
        }
    }

    static final DocumentItem PDF = new DocumentItem("d1", "Discharge summary", new RecordItems.Coded(
            "Inpatient final discharge letter", Optional.of("824331000000106")), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), java.util.OptionalLong.of(5),
            "application/pdf", DocumentItem.Availability.VIEWABLE, Optional.empty());

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleGetsExactlyItsPolicyAndNothingElseIsRequested(Role role) {
        List<Call> calls = new ArrayList<>();
        Documents documents = new Documents();
        RecordAccess access = new RecordAccess(POLICY, (e, kind, request) -> {
            calls.add(new Call(kind, request));
            return new FetchedSection(Section.loaded(kind, List.of(), List.of(), List.of()), Optional.empty(), "t");
        }, documents);
        CurrentUser user = user(role, typeOf(role));
        for (SectionKind kind : SectionKind.values()) {
            FetchedSection f = access.fetch(user, null, kind, SectionRequest.FULL);
            if (expected(role).contains(kind)) {
                assertThat(f.section().problem()).as("%s %s", role, kind).isEmpty();
            } else {
                assertThat(f.section().problem()).as("%s %s", role, kind)
                        .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(RecordProblem.Kind.NOT_PERMITTED));
            }
        }
        // The structured sections are asked of the structured record, the documents of the documents source.
        calls.addAll(documents.calls);
        assertThat(calls).extracting(Call::kind).containsExactlyInAnyOrderElementsOf(expected(role));
        assertThat(documents.calls).hasSize(expected(role).contains(SectionKind.DOCUMENTS) ? 1 : 0);
        if (role == Role.SOCIAL_CARE) {
            assertThat(calls).extracting(Call::request).containsOnly(SectionRequest.FIRST_SCREEN);
        }
        // A document is retrieved only for a role whose policy gives documents.
        RetrievedDocument r = access.retrieve(user, null, PDF);
        if (expected(role).contains(SectionKind.DOCUMENTS)) {
            assertThat(r.problem()).isEmpty();
            assertThat(documents.retrieved).containsExactly(PDF);
        } else {
            assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p.kind())
                    .isEqualTo(RecordProblem.Kind.NOT_PERMITTED));
            assertThat(documents.retrieved).isEmpty();
        }
    }

    @Test
    void aCurrentOnlyRoleIsNeverGivenDocumentsWhateverItsPermissionSays() {
        // A permission made directly (not by the policy, which never gives it): the service layer refuses anyway.
        DataSharingPolicy odd = new DataSharingPolicy(new DefaultResourceLoader(),
                "classpath:policy/data-sharing-policy.yaml") {
            @Override
            public Permission permissionFor(CurrentUser user) {
                return new Permission(EnumSet.of(SectionKind.DOCUMENTS), true, false);
            }
        };
        Documents documents = new Documents();
        RecordAccess access = new RecordAccess(odd, (e, kind, request) -> {
            throw new AssertionError("not asked");
        }, documents);
        CurrentUser social = user(Role.SOCIAL_CARE, OrganisationType.LOCAL_AUTHORITY);
        assertThat(access.fetch(social, null, SectionKind.DOCUMENTS, SectionRequest.FULL).section().problem())
                .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(RecordProblem.Kind.NOT_PERMITTED));
        assertThat(access.retrieve(social, null, PDF).problem())
                .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(RecordProblem.Kind.NOT_PERMITTED));
        assertThat(documents.calls).isEmpty();
        assertThat(documents.retrieved).isEmpty();
    }

    @Test
    void anUnexpectedFailureRetrievingADocumentIsAProblemNotASilence() {
        RecordAccess access = new RecordAccess(POLICY, (e, kind, request) -> {
            throw new AssertionError("not asked");
        }, new PatientDocuments() {
            @Override
            public FetchedSection list(PatientContext context) {
                throw new IllegalStateException("boom");
            }

            @Override
            public RetrievedDocument retrieve(PatientContext context, DocumentItem document) {
                throw new StackOverflowError();
            }
        });
        CurrentUser paramedic = user(Role.PARAMEDIC, OrganisationType.AMBULANCE_TRUST);
        assertThat(access.fetch(paramedic, null, SectionKind.DOCUMENTS, SectionRequest.FULL).section().problem())
                .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(RecordProblem.Kind.CARE_POINT_ERROR));
        assertThat(access.retrieve(paramedic, null, PDF).problem())
                .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(RecordProblem.Kind.CARE_POINT_ERROR));
    }

    @Test
    void currentOnlyRolesGetCurrentItemsOnly() {
        RecordAccess access = new RecordAccess(POLICY, (e, kind, request) -> new FetchedSection(
                Section.loaded(kind, List.of(
                        new RecordItems.Problem(new RecordItems.Coded("Asthma", Optional.empty()), true, "major",
                                Optional.empty(), Optional.empty()),
                        new RecordItems.Problem(new RecordItems.Coded("Depression", Optional.empty()), false, "minor",
                                Optional.empty(), Optional.empty())), List.of(), List.of()), Optional.empty(), "t"),
                new Documents());
        Section<?> problems = access.fetch(user(Role.SOCIAL_CARE, OrganisationType.LOCAL_AUTHORITY), null,
                SectionKind.PROBLEMS, SectionRequest.FULL).section();
        assertThat(problems.items()).extracting(p -> ((RecordItems.Problem) p).what().display()).containsExactly("Asthma");
        Section<?> all = access.fetch(user(Role.PARAMEDIC, OrganisationType.AMBULANCE_TRUST), null,
                SectionKind.PROBLEMS, SectionRequest.FULL).section();
        assertThat(all.items()).hasSize(2);
    }

    @Test
    void anUnexpectedFailureBecomesAFailedSectionNotASilentOne() {
        RecordAccess access = new RecordAccess(POLICY, (e, kind, request) -> {
            throw new IllegalStateException("boom");
        }, new Documents());
        Section<?> s = access.fetch(user(Role.PARAMEDIC, OrganisationType.AMBULANCE_TRUST), null,
                SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN).section();
        assertThat(s.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.CARE_POINT_ERROR);
            assertThat(p.whatToDo()).contains(p.traceId());
        });
    }

    @Test
    void anErrorInTheSectionTaskIsAFailedSectionToo() {
        // e.g. a stack overflow on a deeply nested answer: never a section left "Retrieving…" for ever.
        for (Throwable thrown : List.<Throwable>of(new StackOverflowError(), new NoClassDefFoundError("x"),
                new AssertionError("y"))) {
            RecordAccess access = new RecordAccess(POLICY, (e, kind, request) -> {
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(thrown);
            }, new Documents());
            Section<?> s = access.fetch(user(Role.PARAMEDIC, OrganisationType.AMBULANCE_TRUST), null,
                    SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN).section();
            assertThat(s.problem()).as(thrown.toString()).hasValueSatisfying(p -> assertThat(p.kind())
                    .isEqualTo(RecordProblem.Kind.CARE_POINT_ERROR));
        }
    }

    @Test
    void aRoleWithNoMatchingRuleSeesNothing() {
        DataSharingPolicy onlyParamedics = DataSharingPolicy.of(List.of(new DataSharingPolicy.Rule("paramedic",
                List.of("ambulance-trust"), List.of("allergies"), false, false)));
        assertThat(onlyParamedics.permissionFor(user(Role.PARAMEDIC, OrganisationType.NHS_TRUST)).anyClinicalData())
                .isFalse();
        assertThat(onlyParamedics.permissionFor(user(Role.PARAMEDIC, OrganisationType.AMBULANCE_TRUST))
                .allows(SectionKind.ALLERGIES)).isTrue();
    }

    @Test
    void emergencyAccessIsForTheClinicalRolesThePolicyNamesOnly() {
        assertThat(POLICY.permissionFor(user(Role.PARAMEDIC, OrganisationType.AMBULANCE_TRUST)).emergencyAccess())
                .isTrue();
        assertThat(POLICY.permissionFor(user(Role.CLINICIAN_111, OrganisationType.NHS_111)).emergencyAccess())
                .isTrue();
        assertThat(POLICY.permissionFor(user(Role.SOCIAL_CARE, OrganisationType.LOCAL_AUTHORITY)).emergencyAccess())
                .isFalse();
        assertThat(POLICY.permissionFor(user(Role.PRIVACY_OFFICER, OrganisationType.OTHER)).emergencyAccess())
                .isFalse();
        // A rule that allows emergency access but no sections gives nothing to open.
        DataSharingPolicy odd = DataSharingPolicy.of(List.of(new DataSharingPolicy.Rule("paramedic", List.of(),
                List.of(), false, true)));
        assertThat(odd.permissionFor(user(Role.PARAMEDIC, OrganisationType.AMBULANCE_TRUST)).emergencyAccess())
                .isFalse();
    }
}
