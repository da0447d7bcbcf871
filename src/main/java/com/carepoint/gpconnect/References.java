package com.carepoint.gpconnect;

import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Resolves references inside one GP Connect answer the way FHIR does (FHIR STU3 "Resource References", section
 * 2.3.0 of references.html, and "Resolving references in Bundles", bundle.html#references): a local reference
 * {@code #id} to a resource contained in the referring resource, a Bundle entry by its {@code fullUrl}, a relative
 * reference {@code Type/id} (with or without {@code /_history/n}), and an absolute URL whose last two segments are
 * {@code Type/id}. The specification puts ended allergies as contained resources of the ended-allergies List
 * ("Access Record Structured - AllergyIntolerance": resolved allergies "SHALL be contained in the List"), so a
 * consumer that resolves only Bundle entries drops them.
 */
final class References {

    private final Map<String, Resource> byFullUrl = new HashMap<>();
    private final Map<String, Resource> byTypeAndId = new HashMap<>();

    References(Bundle bundle) {
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r == null) {
                continue;
            }
            if (e.hasFullUrl()) {
                byFullUrl.put(e.getFullUrl(), r);
            }
            if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
                byTypeAndId.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
    }

    /**
     * The resource a reference points to, or {@code null} when it cannot be found in the answer.
     *
     * @param container the resource holding the reference (for {@code #id} references to its contained resources)
     */
    Resource resolve(Resource container, Reference reference) {
        if (reference == null) {
            return null;
        }
        if (reference.getResource() instanceof Resource already) {
            return already;
        }
        String ref = reference.getReference();
        if (ref == null || ref.isBlank()) {
            return null;
        }
        if (ref.startsWith("#")) {
            return contained(container, ref.substring(1));
        }
        Resource found = byFullUrl.get(ref);
        if (found != null) {
            return found;
        }
        String path = ref.replaceFirst("/_history/[^/]+$", "");
        String[] parts = path.split("/");
        if (parts.length >= 2) {
            return byTypeAndId.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
        }
        return null;
    }

    private static Resource contained(Resource container, String id) {
        if (!(container instanceof DomainResource holder)) {
            return null;
        }
        for (Resource c : holder.getContained()) {
            String own = c.getIdElement().getIdPart() == null ? c.getId() : c.getIdElement().getIdPart();
            if (own != null && (id.equals(own) || ("#" + id).equals(own))) {
                return c;
            }
        }
        return null;
    }
}
