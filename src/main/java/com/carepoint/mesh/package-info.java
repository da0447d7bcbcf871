/**
 * MESH: a client for NHS England's MESH API (message exchange for health and social care) — the authorisation
 * token, handshake, send (with chunking and compression), inbox, download, acknowledge and tracking — with typed
 * results and typed failures. Knows MESH wire details only; nothing about what the messages contain.
 */
@ApplicationModule(displayName = "MESH", allowedDependencies = {})
package com.carepoint.mesh;

import org.springframework.modulith.ApplicationModule;
