package com.carepoint.demopractice.provider;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Stable logical ids for generated resources: the same record always gives the same ids. */
final class Ids {

    private Ids() {
    }

    static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String patient(String nhsNumber) {
        return of("patient", nhsNumber);
    }
}
