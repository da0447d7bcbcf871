package com.carepoint.appointments;

/** How the appointment takes place. */
public enum DeliveryChannel {
    IN_PERSON("In person"),
    TELEPHONE("Telephone"),
    VIDEO("Video"),
    /** The service did not say, or said something Carepoint does not know: shown as such, never guessed. */
    NOT_STATED("Not stated by the service");

    private final String displayName;

    DeliveryChannel(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
