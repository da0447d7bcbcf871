package com.carepoint.spine;

/** Where a practice serves one GP Connect interaction: its service root and its ASID, from the directory. */
public record ProviderEndpoint(String odsCode, String interactionId, String serviceRoot, String asid) {
}
