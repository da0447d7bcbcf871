package com.carepoint.demopractice.gpinbox;

import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.documents.FiledDocument;
import com.carepoint.demopractice.documents.PracticeDocuments;
import com.carepoint.demopractice.mesh.DemoMeshProperties;
import com.carepoint.demopractice.mesh.MeshFaults;
import com.carepoint.demopractice.mesh.MeshMailboxes;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demo practices' GP system inboxes, with the demo MESH server (same switches). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = {"carepoint.demo.enabled", "carepoint.demo.mesh.enabled"}, havingValue = "true",
        matchIfMissing = true)
public class GpInboxConfiguration {

    /** Where a demo practice lists what its GP system filed from messages: {@code <path><ODS code>}. */
    public static final String FILED_PATH = "/demo/gp-system/filed/";

    @Bean
    GpSystemInboxes gpSystemInboxes(DemoData data, PracticeDocuments documents, MeshMailboxes mailboxes,
            DemoMeshProperties properties, MeshFaults faults, @Value("${server.servlet.context-path:}") String contextPath) {
        return new GpSystemInboxes(data, documents, mailboxes, properties, faults, contextPath);
    }

    /**
     * The practice's own record of what its GP system filed from Send Document messages, for the reliability
     * benchmarks that run the demo services in a process of their own: {@code GET /demo/gp-system/filed/A20047}
     * answers one line per filed document, its ITK message id (the same id twice means filed twice). Loopback only,
     * like all of {@code /demo/}; synthetic data only; no patient details.
     */
    @Bean
    ServletContextInitializer gpSystemFiledServlet(PracticeDocuments documents) {
        return servletContext -> {
            ServletRegistration.Dynamic reg = servletContext.addServlet("demo-gp-system-filed", new HttpServlet() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    String ods = req.getPathInfo() == null ? "" : req.getPathInfo().replace("/", "");
                    StringBuilder body = new StringBuilder();
                    for (FiledDocument d : documents.filedFromMessages(ods)) {
                        body.append(d.sourceMessageId()).append('\n');
                    }
                    resp.setContentType("text/plain");
                    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    resp.getWriter().write(body.toString());
                }
            });
            reg.addMapping(FILED_PATH + "*");
        };
    }
}
