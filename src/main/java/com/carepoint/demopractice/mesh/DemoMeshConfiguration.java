package com.carepoint.demopractice.mesh;

import com.carepoint.demopractice.DemoPracticeProperties;
import com.carepoint.demopractice.data.DemoData;
import jakarta.servlet.ServletRegistration;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The demo MESH server under {@code /demo/mesh/} (same loopback-only filter and stateless security chain as the
 * other demo services, both registered for {@code /demo/*} by the demo practices' configuration). Off with
 * {@code carepoint.demo.mesh.enabled=false} or {@code carepoint.demo.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = {"carepoint.demo.enabled", "carepoint.demo.mesh.enabled"}, havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(DemoMeshProperties.class)
public class DemoMeshConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoMeshConfiguration.class);

    public static final String MESH_PATH = "/demo/mesh";

    @Bean
    MeshMailboxes demoMeshMailboxes(ResourceLoader loader, DemoPracticeProperties practices,
            DemoMeshProperties properties) {
        MeshMailboxes mailboxes = MeshMailboxes.load(loader, practices.dataLocation(), properties.carepoint());
        log.info("Demo MESH server: {} mailboxes at {}/messageexchange", mailboxes.all().size(), MESH_PATH);
        return mailboxes;
    }

    @Bean
    MeshFaults demoMeshFaults(DemoMeshProperties properties) {
        return new MeshFaults(properties.faults());
    }

    @Bean
    DemoMeshServer demoMeshServer(DemoMeshProperties properties, MeshMailboxes mailboxes, MeshFaults faults,
            DemoData data) {
        return new DemoMeshServer(properties, mailboxes, faults, data, Clock.systemUTC());
    }

    @Bean
    ServletContextInitializer demoMeshServlet(DemoMeshServer server) {
        return servletContext -> {
            ServletRegistration.Dynamic reg = servletContext.addServlet("demo-mesh", server.servlet());
            reg.addMapping(MESH_PATH + "/*");
            reg.setLoadOnStartup(1);
        };
    }
}
