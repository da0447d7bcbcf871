package com.carepoint.spine;

import java.util.Optional;

/**
 * An organisation as the national organisation register (ODS) gives it: its name, where the register holds one its
 * telephone number, and whether its record is active (a closed practice stays in the register, {@code active}
 * false: ODS codes "are only ever closed and never deleted").
 */
public record OrganisationContact(String odsCode, String name, Optional<String> telephone, boolean active) {
}
