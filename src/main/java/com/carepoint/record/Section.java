package com.carepoint.record;

import com.carepoint.kernel.SectionKind;
import java.util.List;
import java.util.Optional;

/**
 * One section of the GP record as retrieved: its items, the provider's own notes and warnings (confidential items
 * withheld, data in transit, ...), and — when it could not be retrieved — the problem, in plain English.
 * "Nothing recorded" ({@link #isEmpty()} with a provider note) and "could not be retrieved" ({@link #failed()}) are
 * different clinical statements and are never shown alike.
 */
public record Section<T>(SectionKind kind, List<T> items, List<String> warnings, List<String> notes,
        Optional<RecordProblem> problem) {

    public static <T> Section<T> loaded(SectionKind kind, List<T> items, List<String> warnings, List<String> notes) {
        return new Section<>(kind, List.copyOf(items), List.copyOf(warnings), List.copyOf(notes), Optional.empty());
    }

    public static <T> Section<T> failed(SectionKind kind, RecordProblem problem) {
        return new Section<>(kind, List.of(), List.of(), List.of(), Optional.of(problem));
    }

    public boolean failed() {
        return problem.isPresent();
    }

    public boolean isEmpty() {
        return problem.isEmpty() && items.isEmpty();
    }
}
