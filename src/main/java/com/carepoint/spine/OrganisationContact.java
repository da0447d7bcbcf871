package com.carepoint.spine;

import java.util.Optional;

/**
 * An organisation as the national organisation register (ODS) gives it: its name and, where the register holds one,
 * its telephone number.
 */
public record OrganisationContact(String odsCode, String name, Optional<String> telephone) {
}
