package com.carepoint.demopractice;

import com.carepoint.demopractice.gpinbox.GpInboxConfiguration;
import com.carepoint.demopractice.mesh.DemoMeshConfiguration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The demo services on their own, in a JVM of their own: the demo GP practices (GP Connect structured record,
 * appointments, Access Document), the national-service stand-ins (PDS and SDS), the demo MESH server and the
 * practices' GP system inboxes — everything Carepoint otherwise embeds under {@code /demo/} — on one port
 * ({@code server.port}, 8081 by default). {@code ./carepoint demo-services [--server.port=N]} starts it; Carepoint
 * reaches it by configuration only ({@code carepoint.demo.enabled=false} and the national services' and MESH's
 * addresses, see README "Demo services in their own process"). The sign-in server stays in Carepoint: it is
 * Carepoint's own (embedded) identity provider, not a service Carepoint calls.
 *
 * <p>Only the web server and the stateless security chain of the demo services are configured: no Vaadin, no
 * database, no sign-in. Its configuration is {@code demo-services.yml} (not Carepoint's {@code application.yml}).
 * Not a {@code @Configuration} class, so Carepoint's own component scan never picks it up.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
        SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class})
@Import({DemoPracticeConfiguration.class, DemoMeshConfiguration.class, GpInboxConfiguration.class})
public class DemoServicesApplication {

    /** The configuration file's name: {@code demo-services.yml} (and {@code demo-services-<profile>.yml}). */
    public static final String CONFIG_NAME = "demo-services";

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(DemoServicesApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        app.run(args);
    }
}
