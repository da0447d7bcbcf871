package com.carepoint.demopractice.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The demo MESH server's mailboxes: one per demo practice from {@code mesh.yaml}, and Carepoint's own. */
public final class MeshMailboxes {

    public static final String CONSULT_REPORT = "GPFED_CONSULT_REPORT";
    public static final String CONSULT_REPORT_ACK = "GPFED_CONSULT_REPORT_ACK";

    private final Map<String, MeshMailbox> byId = new LinkedHashMap<>();

    public MeshMailboxes(List<MeshMailbox> mailboxes) {
        for (MeshMailbox m : mailboxes) {
            if (byId.put(m.mailboxId(), m) != null) {
                throw new IllegalStateException("Demo MESH mailbox " + m.mailboxId() + " is listed twice");
            }
        }
    }

    public static MeshMailboxes load(ResourceLoader loader, String dataLocation, DemoMeshProperties.Mailbox carepoint) {
        String base = dataLocation.endsWith("/") ? dataLocation : dataLocation + "/";
        Resource resource = loader.getResource(base + "mesh.yaml");
        List<MeshMailbox> all = new ArrayList<>();
        // Carepoint sends consultation reports and receives their acknowledgements (gpconnect-messaging,
        // integration_mesh.md: "GP0001 is allowed to Send messages with workflow ID GPFED_CONSULT_REPORT").
        all.add(new MeshMailbox(carepoint.mailboxId(), carepoint.odsCode(), carepoint.name(), carepoint.password(),
                List.of(CONSULT_REPORT), List.of(CONSULT_REPORT_ACK)));
        if (resource.exists()) {
            ObjectMapper yaml = YAMLMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            try (InputStream in = resource.getInputStream()) {
                all.addAll(yaml.readValue(in, MailboxFile.class).mailboxes());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read demo data file " + resource.getDescription(), e);
            }
        }
        return new MeshMailboxes(all);
    }

    public Optional<MeshMailbox> get(String mailboxId) {
        return mailboxId == null ? Optional.empty() : Optional.ofNullable(byId.get(mailboxId.toUpperCase(Locale.ROOT)));
    }

    /** The mailboxes of an organisation that receive a workflow (the endpoint lookup's answer). */
    public List<MeshMailbox> receiving(String odsCode, String workflowId) {
        return byId.values().stream()
                .filter(m -> m.odsCode() != null && m.odsCode().equalsIgnoreCase(odsCode))
                .filter(m -> m.mayReceive(workflowId))
                .toList();
    }

    public List<MeshMailbox> all() {
        return List.copyOf(byId.values());
    }

    record MailboxFile(List<MeshMailbox> mailboxes) {
    }
}
