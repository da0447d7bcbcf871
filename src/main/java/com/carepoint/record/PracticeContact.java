package com.carepoint.record;

import java.util.Optional;

/**
 * How to phone a patient's GP practice, from the national organisation register: its name and telephone number,
 * either of which may be unknown. Carepoint never makes a number up: {@link #howToPhone()} says plainly when it does
 * not know it.
 *
 * @param reachable false when the register could not be asked (not the same as the practice having no number)
 * @param closed    the register lists the practice as closed (its record not {@code active}): the number it holds may
 *                  no longer be answered, and the patient may be registered elsewhere now
 */
public record PracticeContact(String odsCode, Optional<String> name, Optional<String> telephone, boolean reachable,
        boolean closed) {

    /** A practice the register does not list as closed. */
    public PracticeContact(String odsCode, Optional<String> name, Optional<String> telephone, boolean reachable) {
        this(odsCode, name, telephone, reachable, false);
    }

    /** The practice as named on screen: "Riverside Medical Practice (A20047)", or "the practice (P12345)". */
    public String practice() {
        return name.map(n -> n + " (" + odsCode + ")").orElse("the practice (" + odsCode + ")");
    }

    /** What to do, with the number when it is known: "Phone Riverside Medical Practice (A20047) on 01632 960101." */
    public String howToPhone() {
        if (closed) {
            return "The national organisation register lists " + practice() + " as closed" + telephone.map(
                    t -> ": its last recorded number, " + t + ", may no longer be answered").orElse("") + ". Check the "
                    + "patient's current GP practice in your organisation's directory or on the NHS website before you "
                    + "phone.";
        }
        if (telephone.isPresent()) {
            return "Phone " + practice() + " on " + telephone.get() + ".";
        }
        String what = name.isPresent() ? "The telephone number of " + practice() + " is not in the national "
                + "organisation register" : !reachable ? "The national organisation register could not be reached, "
                + "so the telephone number of " + practice() + " is not known" : "The national organisation register "
                + "does not know " + practice() + ", so its telephone number is not known";
        return what + ": find it in your organisation's directory or on the NHS website before you phone.";
    }
}
