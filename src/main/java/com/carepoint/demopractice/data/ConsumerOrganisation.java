package com.carepoint.demopractice.data;

/**
 * An organisation that consumes GP Connect, as the national organisation register (ODS) describes it: the demo
 * practices look the requesting organisation's type up here, as a real provider would, because the JWT names the
 * organisation only by ODS code.
 *
 * @param type the organisation type, as Carepoint's policy names them (e.g. {@code local-authority})
 * @param telephone the telephone number the register holds, if any (the ODS stand-in serves it)
 */
public record ConsumerOrganisation(String odsCode, String name, String type, String telephone) {

    public ConsumerOrganisation(String odsCode, String name, String type) {
        this(odsCode, name, type, null);
    }
}
