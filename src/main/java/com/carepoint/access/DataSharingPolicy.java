package com.carepoint.access;

import com.carepoint.kernel.SectionKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which GP record sections a user may request and see, from the policy file ({@code carepoint.policy.location},
 * default {@code classpath:policy/data-sharing-policy.yaml}). The first rule matching the user's role and
 * organisation type applies; no matching rule means no clinical data. The documents filed in the record
 * ({@code documents}) are a section like the others, but never given to a current-only rule.
 */
@Service
public class DataSharingPolicy {

    /**
     * What a user may see.
     *
     * @param emergencyAccess whether the user may open a record under emergency access (the patient cannot give
     *                        permission, or outside the usual care relationship): justified, marked and reviewed
     */
    public record Permission(Set<SectionKind> sections, boolean currentOnly, boolean emergencyAccess) {
        public static final Permission NOTHING = new Permission(EnumSet.noneOf(SectionKind.class), true, false);

        public boolean allows(SectionKind kind) {
            return sections.contains(kind);
        }

        public boolean anyClinicalData() {
            return !sections.isEmpty();
        }
    }

    /** One rule of the policy file. */
    public record Rule(String role, List<String> organisationTypes, List<String> sections, boolean currentOnly,
            boolean emergencyAccess) {
        public Rule {
            organisationTypes = organisationTypes == null ? List.of() : List.copyOf(organisationTypes);
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }

    record PolicyFile(List<Rule> rules) {
    }

    private final List<Rule> rules;

    @Autowired
    public DataSharingPolicy(ResourceLoader loader,
            @Value("${carepoint.policy.location:classpath:policy/data-sharing-policy.yaml}") String location) {
        this.rules = load(loader, location);
    }

    private DataSharingPolicy(List<Rule> rules) {
        rules.forEach(DataSharingPolicy::validate);
        this.rules = List.copyOf(rules);
    }

    /** A policy from rules given directly (validated as the file's are). */
    public static DataSharingPolicy of(List<Rule> rules) {
        return new DataSharingPolicy(rules);
    }

    static List<Rule> load(ResourceLoader loader, String location) {
        try (InputStream in = loader.getResource(location).getInputStream()) {
            PolicyFile file = YAMLMapper.builder()
                    .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.KEBAB_CASE)
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build().readValue(in, PolicyFile.class);
            file.rules().forEach(DataSharingPolicy::validate);
            return List.copyOf(file.rules());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the data-sharing policy at " + location, e);
        }
    }

    private static void validate(Rule r) {
        if (Role.fromClaim(r.role()).isEmpty()) {
            throw new IllegalStateException("Data-sharing policy names an unknown role: " + r.role());
        }
        r.organisationTypes().forEach(t -> OrganisationType.fromClaim(t).orElseThrow(
                () -> new IllegalStateException("Data-sharing policy names an unknown organisation type: " + t)));
        r.sections().forEach(DataSharingPolicy::section);
    }

    private static SectionKind section(String name) {
        try {
            return SectionKind.valueOf(name.trim().toUpperCase(Locale.UK));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Data-sharing policy names an unknown section: " + name, e);
        }
    }

    public Permission permissionFor(CurrentUser user) {
        for (Rule r : rules) {
            boolean roleMatches = Role.fromClaim(r.role()).orElseThrow() == user.role();
            boolean typeMatches = r.organisationTypes().isEmpty() || r.organisationTypes().stream()
                    .map(t -> OrganisationType.fromClaim(t).orElseThrow())
                    .anyMatch(t -> t == user.organisation().type());
            if (roleMatches && typeMatches) {
                EnumSet<SectionKind> sections = EnumSet.noneOf(SectionKind.class);
                r.sections().forEach(s -> sections.add(section(s)));
                if (r.currentOnly()) {
                    // Documents are history, and cannot be filtered to "current": a current-only role never has them.
                    sections.remove(SectionKind.DOCUMENTS);
                }
                return new Permission(sections, r.currentOnly(), r.emergencyAccess() && !sections.isEmpty());
            }
        }
        return Permission.NOTHING;
    }

    /** The policy as loaded, for the privacy officer's view. */
    public List<Rule> rules() {
        return rules;
    }
}
