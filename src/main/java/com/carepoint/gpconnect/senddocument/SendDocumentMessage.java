package com.carepoint.gpconnect.senddocument;

import java.util.UUID;

/**
 * A Consultation Report ready for MESH: the serialised ITK3 message Bundle and how to address it.
 *
 * @param body        the ITK-Message-Bundle-1, FHIR STU3 XML, UTF-8
 * @param contentType its media type ({@link SendDocumentSpec#CONTENT_TYPE})
 * @param mesh        the MESH metadata to send it with
 * @param messageId   the ITK3 message identifier, which acknowledgements echo in {@code response.identifier}
 * @param documentId  the document identifier, which a later correction names as the one it replaces
 */
public record SendDocumentMessage(byte[] body, String contentType, MeshAddressing mesh, UUID messageId,
        UUID documentId) {

    @Override
    public String toString() {
        return "SendDocumentMessage[messageId=" + messageId + ", bytes=" + body.length + "]";
    }
}
