package com.carepoint.demopractice.provider;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads a request body as the FHIR resource its {@code Content-Type} says it is (JSON or XML: "Servers SHALL support
 * JSON ... SHOULD support XML", pages/development/development_general_api_guidance.md, "Content types").
 *
 * <p>Error handling guidance (pages/development/development_fhir_error_handling_guidance.md): "malformed JSON or XML
 * content in request body" is {@code BAD_REQUEST} (400); a body that parses but does not validate — an element FHIR
 * STU3 does not define, the wrong resource type — is {@code INVALID_RESOURCE} (422): "Resource fails to validate
 * against StructureDefinition".
 */
final class Bodies {

    private Bodies() {
    }

    static <T extends IBaseResource> T parse(FhirContext fhir, RequestDetails request, Class<T> type) {
        return parse(fhir, request, type, t -> {
        });
    }

    /**
     * @param beforeValidation a check of the leniently parsed resource, made before it is validated strictly (for a
     *                         rule whose own error code must win over INVALID_RESOURCE)
     */
    static <T extends IBaseResource> T parse(FhirContext fhir, RequestDetails request, Class<T> type,
            Consumer<T> beforeValidation) {
        byte[] bytes = request.loadRequestContents();
        String body = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        if (body.isBlank()) {
            throw GpcErrors.badRequest("The request has no body; a " + type.getSimpleName() + " resource is expected");
        }
        String contentType = String.valueOf(request.getHeader("Content-Type")).toLowerCase(Locale.ROOT);
        boolean xml = contentType.startsWith(Gpc.FHIR_XML);
        IParser lenient = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        IBaseResource parsed;
        try {
            parsed = lenient.parseResource(body);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw GpcErrors.badRequest("The request body is not well-formed FHIR " + (xml ? "XML" : "JSON") + ": "
                    + e.getMessage());
        }
        if (!type.isInstance(parsed)) {
            throw GpcErrors.invalidResource("The request body is a " + parsed.fhirType() + ", not a "
                    + type.getSimpleName());
        }
        beforeValidation.accept(type.cast(parsed));
        IParser strict = (xml ? fhir.newXmlParser() : fhir.newJsonParser()).setParserErrorHandler(new StrictErrorHandler());
        try {
            return strict.parseResource(type, body);
        } catch (DataFormatException e) {
            throw GpcErrors.invalidResource("The " + type.getSimpleName() + " does not validate against FHIR STU3: "
                    + e.getMessage());
        }
    }
}
