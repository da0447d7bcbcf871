package com.carepoint.appointments;

import java.util.Objects;
import java.util.Optional;

/**
 * The user's organisation as it books: GP Connect requires the booking organisation's ODS code, name and telephone
 * in every booking, and its organisation type only when slots were searched with that type.
 *
 * @param gpConnectType the organisation type code searched with and booked as ({@code urgent-care},
 *                      {@code gp-practice}), or empty when the user's organisation type has none
 */
public record BookingOrganisation(String odsCode, String name, String telephone, Optional<String> gpConnectType) {
    public BookingOrganisation {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(telephone, "telephone");
        Objects.requireNonNull(gpConnectType, "gpConnectType");
    }
}
