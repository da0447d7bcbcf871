package com.carepoint.record;

/**
 * Where a practice's name and telephone number come from: the national organisation register in production (the
 * {@code gpconnect} module implements it over the spine's organisation directory). Never throws: a register that
 * cannot be asked gives a contact whose number is unknown, and says so.
 */
@FunctionalInterface
public interface PracticeDirectory {

    PracticeContact contact(String odsCode);
}
