package com.carepoint.demopractice.data;

/**
 * An endpoint directory (SDS) entry: which service root and ASID serve an ODS code for an interaction. The
 * interaction may be {@code *} (every interaction of that practice); a service root starting with {@code /} is
 * relative to this Carepoint's own base URL (the embedded demo practices).
 */
public record DirectoryEntry(String odsCode, String interactionId, String serviceRoot, String asid) {
}
