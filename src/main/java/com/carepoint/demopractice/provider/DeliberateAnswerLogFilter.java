package com.carepoint.demopractice.provider;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A demo practice refuses a request (ACCESS DENIED, NO_ORGANISATION_CONSENT, INVALID_NHS_NUMBER, ...) by throwing
 * HAPI's error for it from an interceptor, which HAPI answers as the OperationOutcome the specification asks for. HAPI
 * also logs every exception an interceptor throws as an ERROR with its whole stack trace (some 800 lines), although
 * nothing has gone wrong: this filter replaces that with one line, the answer's status and Spine code. Anything else
 * HAPI logs, including an unexpected exception from an interceptor, is left alone.
 */
public final class DeliberateAnswerLogFilter extends TurboFilter {

    static final String HAPI_INTERCEPTORS = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(DeliberateAnswerLogFilter.class);

    /** Installs the filter once in Logback, if Logback is the logging system (it is, with Spring Boot's defaults). */
    public static void install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> f instanceof DeliberateAnswerLogFilter)) {
            DeliberateAnswerLogFilter filter = new DeliberateAnswerLogFilter();
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (logger == null || !HAPI_INTERCEPTORS.equals(logger.getName()) || level == null
                || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                : null;
        if (thrown instanceof BaseServerResponseException answer) {
            // The Spine code only: the practice's words after it could name the patient.
            log.info("Demo practice answered {} {}", answer.getStatusCode(), spineCode(answer.getMessage()));
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    static String spineCode(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf(':');
        String code = end < 0 ? message : message.substring(0, end);
        return code.matches("[A-Z_]{3,40}") ? code : "(no Spine code)";
    }
}
