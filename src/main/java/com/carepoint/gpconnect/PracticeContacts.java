package com.carepoint.gpconnect;

import com.carepoint.record.PracticeContact;
import com.carepoint.record.PracticeDirectory;
import com.carepoint.spine.OrganisationContact;
import com.carepoint.spine.OrganisationDirectory;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A practice's name and telephone number for the record view, from the national organisation register (ODS). */
@Service
class PracticeContacts implements PracticeDirectory {

    private final OrganisationDirectory directory;

    PracticeContacts(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public PracticeContact contact(String odsCode) {
        try {
            Optional<OrganisationContact> found = directory.lookup(odsCode);
            return new PracticeContact(odsCode, found.map(OrganisationContact::name),
                    found.flatMap(OrganisationContact::telephone), true,
                    found.map(o -> !o.active()).orElse(false));
        } catch (RuntimeException e) {
            // SpineUnavailableException, or anything else on the way: the number is not known, and the user is told.
            return new PracticeContact(odsCode, Optional.empty(), Optional.empty(), false);
        }
    }
}
