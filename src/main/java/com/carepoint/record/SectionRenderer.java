package com.carepoint.record;

import com.carepoint.kernel.SectionKind;
import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one record section is shown: its first-screen summary and its full section. One renderer per section; the
 * record page picks the renderer by the section's kind and never looks inside the items itself.
 */
interface SectionRenderer<T> {

    SectionKind kind();

    Component summary(Section<T> section);

    /**
     * The first-screen summary with a way to the full section: a long list is cut to its first
     * {@link SectionStates#FIRST_SCREEN_LIMIT} items with a plain "Show all …" that runs {@code showAll}.
     */
    default Component summary(Section<T> section, Runnable showAll) {
        return summary(section);
    }

    Component full(Section<T> section);

    /** Every section's renderer, by kind. */
    Map<SectionKind, SectionRenderer<?>> ALL = List.<SectionRenderer<?>>of(new AllergiesRenderer(),
                    new MedicationsRenderer(), new ProblemsRenderer(), new ConsultationsRenderer(),
                    new InvestigationsRenderer(), new ImmunisationsRenderer(), new ObservationsRenderer(),
                    new ReferralsRenderer(), new DiaryRenderer(), new DocumentsRenderer())
            .stream().collect(Collectors.toUnmodifiableMap(SectionRenderer::kind, Function.identity()));

    /** The first-screen summary of any section. */
    static Component summaryOf(Section<?> section) {
        return renderer(section).summary(cast(section));
    }

    /** The first-screen summary of any section, a long list capped with a "Show all …" that runs {@code showAll}. */
    static Component summaryOf(Section<?> section, Runnable showAll) {
        return renderer(section).summary(cast(section), showAll);
    }

    /** The full view of any section. */
    static Component fullOf(Section<?> section) {
        return renderer(section).full(cast(section));
    }

    @SuppressWarnings("unchecked")
    private static <T> SectionRenderer<T> renderer(Section<?> section) {
        return (SectionRenderer<T>) ALL.get(section.kind());
    }

    @SuppressWarnings("unchecked")
    private static <T> Section<T> cast(Section<?> section) {
        return (Section<T>) section;
    }
}
