package com.carepoint.gpconnect;

/** GP Connect interaction IDs Carepoint uses. */
public final class Interactions {

    public static final String PREFIX = "urn:nhs:names:services:gpconnect:";
    public static final String STRUCTURED = PREFIX + "fhir:operation:gpc.getstructuredrecord-1";
    public static final String STRUCTURED_METADATA = PREFIX + "structured:fhir:rest:read:metadata-1";

    private Interactions() {
    }
}
