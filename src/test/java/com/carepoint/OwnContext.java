package com.carepoint;

/**
 * Tag for tests that need a Spring application context of their own (different properties). Surefire runs each
 * of them in a fresh JVM: Vaadin sets a JVM-wide SecurityContextHolder strategy when a context starts, so a second
 * context in the same JVM would break sign-in in the first. Everything else shares one cached context.
 */
public final class OwnContext {

    public static final String TAG = "own-context";

    private OwnContext() {
    }
}
