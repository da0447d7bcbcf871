package com.carepoint.access;

import java.util.Objects;

/**
 * The signed-in user as the rest of Carepoint sees them, mapped once from the identity provider's ID token.
 *
 * @param userId           the identity provider's subject (a local user id; never a fixed system user)
 * @param name             the user's display name
 * @param role             the Carepoint role
 * @param organisation     the organisation the user is working for in this session
 * @param sdsUserId        the user's SDS user id, {@code UNK} where they have none
 * @param sdsRoleProfileId the user's SDS role profile id, {@code UNK} where they have none
 */
public record CurrentUser(String userId, String name, Role role, Organisation organisation, String sdsUserId,
        String sdsRoleProfileId) {

    public static final String UNKNOWN_SDS_ID = "UNK";

    public CurrentUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisation, "organisation");
        sdsUserId = blankToUnknown(sdsUserId);
        sdsRoleProfileId = blankToUnknown(sdsRoleProfileId);
    }

    private static String blankToUnknown(String v) {
        return v == null || v.isBlank() ? UNKNOWN_SDS_ID : v.trim();
    }
}
