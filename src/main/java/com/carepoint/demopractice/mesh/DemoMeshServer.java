package com.carepoint.demopractice.mesh;

import com.carepoint.demopractice.data.DemoData;
import java.time.Clock;

/** The demo MESH server's parts: the store, the token check, the routing and the servlet that serves them. */
public final class DemoMeshServer {

    private final MeshStore store;
    private final DemoMeshServlet servlet;
    private final MeshFaults faults;

    public DemoMeshServer(DemoMeshProperties properties, MeshMailboxes mailboxes, MeshFaults faults, DemoData data,
            Clock clock) {
        this.faults = faults;
        this.store = new MeshStore(properties.maxMessages(), properties.maxStoredBytes(), clock);
        MeshAuthenticator authenticator = new MeshAuthenticator(mailboxes, properties.sharedKey(),
                properties.timestampWindow(), clock);
        this.servlet = new DemoMeshServlet(store, authenticator, mailboxes, new GpProviderRouter(data, mailboxes, faults),
                faults, properties.maxRequestBytes());
    }

    DemoMeshServlet servlet() {
        return servlet;
    }

    public MeshFaults faults() {
        return faults;
    }

    /** Drops every message (tests start from empty mailboxes). */
    public void clear() {
        store.clear();
    }

    public int messageCount() {
        return store.size();
    }
}
