package com.carepoint.demopractice.mesh;

import java.util.List;
import java.util.Locale;

/**
 * A mailbox on the demo MESH server. {@code send} and {@code receive} are the workflow ids it may send and receive:
 * "The flow of messages through MESH is controlled through rules which are set in the following form: `Mailbox ID`
 * is allowed to `Send|Receive` messages with `Workflow ID`" (nhsconnect/gpconnect-messaging,
 * pages/integration/integration_mesh.md, "Configuring MESH to enable message flow").
 *
 * @param odsCode the organisation the mailbox belongs to (the GPPROVIDER lookup finds a practice's mailbox by it)
 */
public record MeshMailbox(String mailboxId, String odsCode, String name, String password, List<String> send,
        List<String> receive) {

    public MeshMailbox {
        // OAS: mailbox_id "Must be uppercase"; the sandbox upper-cases ids in paths.
        mailboxId = mailboxId.toUpperCase(Locale.ROOT);
        send = send == null ? List.of() : List.copyOf(send);
        receive = receive == null ? List.of() : List.copyOf(receive);
    }

    public boolean maySend(String workflowId) {
        return send.contains(workflowId);
    }

    public boolean mayReceive(String workflowId) {
        return receive.contains(workflowId);
    }

    @Override
    public String toString() {
        // Never the password.
        return "MeshMailbox[" + mailboxId + ", " + odsCode + "]";
    }
}
