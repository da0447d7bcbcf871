package com.carepoint.record;

import com.carepoint.access.CurrentUser;
import java.util.Optional;

/**
 * Something another module lets the user do from a patient's record page (for example write the encounter note),
 * shown as a link beside the record's status line. The record page does not know the modules that offer them, so a
 * module that builds on the record (and on GP Connect, which implements the record's ports) adds no cycle.
 */
public interface RecordAction {

    /** A link on the record page: its element id, its address and its words. */
    record Link(String id, String href, String text) {
    }

    /**
     * The link for this user and this open patient, or none when the user's role may not do it.
     *
     * @param token the open patient's token, as in the record page's address
     */
    Optional<Link> link(CurrentUser user, String token);
}
