package com.carepoint.spine;

/** A national service (demographics or directory) could not be reached or answered wrongly; the message is for users. */
public class SpineUnavailableException extends RuntimeException {

    public SpineUnavailableException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
