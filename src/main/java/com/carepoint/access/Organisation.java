package com.carepoint.access;

import java.util.Objects;

/** An organisation as NHS systems identify it: ODS code, name and type. */
public record Organisation(String odsCode, String name, OrganisationType type) {
    public Organisation {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
