package com.carepoint.shell.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Which sign-in Carepoint uses: an external OIDC provider when {@code carepoint.auth.issuer-uri} is set, else its own. */
public final class AuthMode {

    public static final String ISSUER_PROPERTY = "carepoint.auth.issuer-uri";

    private AuthMode() {
    }

    static boolean external(ConditionContext context) {
        return !context.getEnvironment().getProperty(ISSUER_PROPERTY, "").isBlank();
    }

    /** On when no external issuer is configured: the embedded authorization server runs. */
    public static final class Embedded extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return external(context)
                    ? ConditionOutcome.noMatch("external OIDC issuer configured: embedded authorization server off")
                    : ConditionOutcome.match("no external OIDC issuer: embedded authorization server on");
        }
    }

    /** On when an external issuer is configured. */
    public static final class External extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return external(context)
                    ? ConditionOutcome.match("external OIDC issuer configured")
                    : ConditionOutcome.noMatch("no external OIDC issuer configured");
        }
    }
}
