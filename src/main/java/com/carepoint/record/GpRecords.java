package com.carepoint.record;

import com.carepoint.kernel.SectionKind;

/**
 * Where the GP record comes from, one section at a time: GP Connect Access Record Structured in production (the
 * {@code gpconnect} module implements it). Never throws: every failure is a failed section that says what it means.
 */
@FunctionalInterface
public interface GpRecords {

    FetchedSection fetch(PatientContext context, SectionKind kind, SectionRequest request);
}
