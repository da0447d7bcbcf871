package com.carepoint.record;


/**
 * What to ask for in a section: the first screen asks for the most recent consultations, active problems and
 * medication without its issue history; the full sections ask for everything (ended allergies, all consultations,
 * inactive problems, every prescription issue).
 */
public enum SectionRequest {
    /** The emergency first screen: current information, fast. */
    FIRST_SCREEN,
    /** The whole section, on demand. */
    FULL;

    /** How many of the most recent consultations the first screen shows. */
    public static final int FIRST_SCREEN_CONSULTATIONS = 3;
}
