/**
 * GP Connect Send Document (the Consultation Report use case, workflow {@code GPFED_CONSULT_REPORT}): the ITK3 FHIR
 * STU3 message a sender puts into MESH, its MESH addressing, and the ITK3 acknowledgements the registered practice
 * sends back. Built to nhsconnect/gpconnect-messaging ({@code _data/senddoc_requirements.yml}, pages/senddocument/*,
 * pages/integration/integration_mesh.md) and the ITK3 Message Distribution standard
 * (nhsconnect/ITK3-Messaging-Distribution). A plain-Java API for the encounter-note feature: no Spring, no I/O.
 */
@NamedInterface("senddocument")
package com.carepoint.gpconnect.senddocument;

import org.springframework.modulith.NamedInterface;
