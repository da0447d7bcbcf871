package com.carepoint.mesh;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The MESH client, when {@code carepoint.mesh.base-url} is set. A base URL starting with {@code /} is resolved at each
 * call against this Carepoint's own address (its port is known only once the server has started).
 */
@Configuration(proxyBeanMethods = false)
public class MeshConfiguration {

    @Bean
    @ConditionalOnExpression("!'${carepoint.mesh.base-url:}'.isBlank()")
    MeshClient meshClient(MeshProperties properties, Environment environment) {
        String url = properties.baseUrl().trim();
        if (!url.startsWith("/")) {
            return MeshClient.create(properties);
        }
        return MeshClient.create(properties, () -> {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            return URI.create("http://localhost:" + port + environment.getProperty("server.servlet.context-path", "")
                    + url);
        });
    }
}
