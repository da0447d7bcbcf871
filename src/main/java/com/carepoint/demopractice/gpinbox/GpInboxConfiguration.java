package com.carepoint.demopractice.gpinbox;

import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.documents.PracticeDocuments;
import com.carepoint.demopractice.mesh.DemoMeshProperties;
import com.carepoint.demopractice.mesh.MeshFaults;
import com.carepoint.demopractice.mesh.MeshMailboxes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demo practices' GP system inboxes, with the demo MESH server (same switches). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = {"carepoint.demo.enabled", "carepoint.demo.mesh.enabled"}, havingValue = "true",
        matchIfMissing = true)
public class GpInboxConfiguration {

    @Bean
    GpSystemInboxes gpSystemInboxes(DemoData data, PracticeDocuments documents, MeshMailboxes mailboxes,
            DemoMeshProperties properties, MeshFaults faults, @Value("${server.servlet.context-path:}") String contextPath) {
        return new GpSystemInboxes(data, documents, mailboxes, properties, faults, contextPath);
    }
}
