package com.carepoint.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One clear line when Carepoint has started and takes requests: "Carepoint is ready on http://localhost:8080/", so
 * whoever started it knows where to open it and that the wait is over.
 */
@Component
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        log.info(line(event.getApplicationContext().getEnvironment()));
    }

    /** The line, from the port the server listens on, its address and context path. */
    static String line(Environment env) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String address = env.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "localhost" : address;
        String path = env.getProperty("server.servlet.context-path", "");
        boolean tls = env.getProperty("server.ssl.enabled", Boolean.class, false);
        return "Carepoint is ready on " + (tls ? "https" : "http") + "://" + host + ":" + port
                + (path.isBlank() ? "" : path.replaceAll("/+$", "")) + "/";
    }
}
