package com.carepoint.demopractice.gpinbox;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.documents.PracticeDocuments;
import com.carepoint.demopractice.mesh.DemoMeshProperties;
import com.carepoint.demopractice.mesh.MeshFaults;
import com.carepoint.demopractice.mesh.MeshMailbox;
import com.carepoint.demopractice.mesh.MeshMailboxes;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The demo practices' GP system inboxes, one per practice mailbox that receives {@code GPFED_CONSULT_REPORT}.
 * They start once the web server is listening (they reach the demo MESH server over HTTP, as any MESH client
 * would) and poll every {@code carepoint.demo.mesh.gp-poll-interval} on one background thread; a poll of a
 * practice never overlaps another poll of the same practice. Tests trigger a poll with {@link #pollNow}. Stopped
 * with the application context (the thread is interrupted and awaited).
 */
public final class GpSystemInboxes implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GpSystemInboxes.class);

    private final DemoData data;
    private final PracticeDocuments documents;
    private final MeshMailboxes mailboxes;
    private final DemoMeshProperties properties;
    private final MeshFaults faults;
    private final String contextPath;
    private final Map<String, GpSystemInbox> inboxes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private ScheduledExecutorService scheduler;

    public GpSystemInboxes(DemoData data, PracticeDocuments documents, MeshMailboxes mailboxes,
            DemoMeshProperties properties, MeshFaults faults, String contextPath) {
        this.data = data;
        this.faults = faults;
        this.documents = documents;
        this.mailboxes = mailboxes;
        this.properties = properties;
        this.contextPath = contextPath == null ? "" : contextPath;
    }

    @Override
    public synchronized void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null || !inboxes.isEmpty()) {
            return;
        }
        String base = properties.gpBaseUrl().isBlank()
                ? "http://127.0.0.1:" + event.getWebServer().getPort() + contextPath + "/demo/mesh"
                : properties.gpBaseUrl();
        FhirContext fhir = FhirContext.forDstu3Cached();
        for (var practice : data.practices()) {
            for (MeshMailbox m : mailboxes.receiving(practice.odsCode(), GpSystemInbox.WORKFLOW)) {
                GpMeshClient client = new GpMeshClient(http, base, m.mailboxId(), m.password(),
                        properties.sharedKey(), Clock.systemUTC());
                inboxes.put(practice.odsCode(), new GpSystemInbox(practice, client, data, documents, fhir,
                        nhs -> faults.notRegistered(m.mailboxId(), nhs), Clock.systemUTC()));
            }
        }
        Duration interval = properties.gpPollInterval();
        if (interval.isZero() || interval.isNegative()) {
            log.info("Demo GP systems: {} inboxes, polled only on demand", inboxes.size());
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-gp-inboxes");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::pollAll, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Demo GP systems: {} inboxes polling {} every {}", inboxes.size(), base, interval);
    }

    private void pollAll() {
        for (GpSystemInbox inbox : inboxes.values()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                inbox.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                // The MESH server is down or failing (perhaps an injected fault): the next poll tries again.
                log.debug("Demo GP system {}: poll failed ({})", inbox.odsCode(), e.toString());
            }
        }
    }

    /** Polls one practice's mailbox now; returns the number of messages completed. */
    public int pollNow(String odsCode) throws IOException, InterruptedException {
        GpSystemInbox inbox;
        synchronized (this) {
            inbox = inboxes.get(odsCode);
        }
        if (inbox == null) {
            throw new IllegalStateException("No GP system inbox for " + odsCode + " (not started, or no mailbox)");
        }
        return inbox.poll();
    }

    @Override
    public void destroy() throws InterruptedException {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
            if (!s.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Demo GP systems: the poller did not stop within 10 s");
            }
        }
        http.close();
    }
}
