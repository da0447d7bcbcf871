package com.carepoint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One simulated browser's side of Vaadin Flow's client-server protocol, as the load test speaks it (no browser, no
 * JavaScript): it keeps what a real Flow client keeps to be allowed to talk to its UI, a small model of the UI's
 * element tree to find node ids, and writes the request bodies. Not thread-safe: one per virtual user, used only by
 * that user's own steps. Read from Vaadin Flow 25's sources ({@code ServerRpcHandler}, {@code UidlRequestHandler},
 * {@code JsonConstants}, the client's {@code MessageSender}, {@code MessageHandler} and
 * {@code AtmospherePushConnection}) and checked against what Chromium sends to Carepoint.
 *
 * <h2>The protocol, as Carepoint uses it ({@code @Push(transport = WEBSOCKET_XHR)})</h2>
 * <ol>
 * <li><b>Bootstrap</b>: after the page itself ({@code GET /patients}), the client asks
 * {@code GET /?v-r=init&location=patients&...} (with the browser details Flow records). The answer's
 * {@code appConfig} holds the UI id ({@code v-uiId}) and the first UIDL message ({@code uidl}), which carries the
 * CSRF token ({@code Vaadin-Security-Key}) and the push connection's id ({@code Vaadin-Push-ID}).</li>
 * <li><b>Server → client</b>: a websocket to
 * {@code /VAADIN/push?v-r=push&v-uiId=N&v-pushId=...&X-Atmosphere-Transport=websocket}
 * {@code &X-Atmosphere-TrackMessageSize=true&...}
 * (Atmosphere's protocol). Its first frame is Atmosphere's handshake ({@code 41|<tracking id>|0|X|}); every message
 * after that is {@code <length>|<UIDL JSON>}, where a message may span frames or a frame hold several (the length
 * counts UTF-16 characters, as JavaScript's {@code String.length}).</li>
 * <li><b>Client → server</b> (the {@code _XHR} part): {@code POST /?v-r=uidl&v-uiId=N}, body
 * {@code {"csrfToken":..., "rpc":[...], "syncId":S, "clientId":C}}. {@code csrfToken} is the security key (the
 * server refuses a request without it); {@code clientId} counts the client's messages from 0 and must be exactly
 * the next one the server expects, or the server refuses to run the RPCs and asks for a resynchronisation;
 * {@code syncId} is the last server message id the client has seen (every UIDL message, answer or push, carries
 * {@code syncId}; the server's {@code clientId} in a message is the id it expects next). The answer is UIDL JSON
 * for that request; anything the server changes later (a GP Connect section arriving) comes over the websocket.</li>
 * <li><b>RPC invocations</b> ({@code JsonConstants.RPC_TYPE_*}): {@code event} (a DOM event on a node, e.g.
 * {@code click}, {@code ui-navigate} on node 1 for the router), {@code mSync} (a synchronised property's new value,
 * e.g. a text field's {@code value}, before the event that makes the server read it).</li>
 * <li><b>UIDL changes</b>: a list of {@code {"node":n,"type":...,"feat":f,...}}: {@code attach}/{@code detach} a
 * node, {@code put}/{@code remove} a key of a map feature (feature 3: element attributes, so
 * {@code {"type":"put","feat":3,"key":"id","value":"nhs-number"}} names node n), {@code splice}/{@code clear} a
 * list feature (feature 2: element children, {@code addNodes}; feature 11: class names). This client keeps ids,
 * children and parents, and Carepoint's {@code data-section} attribute (set on a section's body once it is drawn),
 * which is all the load test needs to find what to click and to see a section shown.</li>
 * </ol>
 */
public final class VaadinUidlClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Flow's element children list feature and element attribute map feature ({@code NodeFeatureRegistry}). */
    private static final int FEATURE_CHILDREN = 2;
    private static final int FEATURE_ATTRIBUTES = 3;

    /** What Chromium sends as the browser's details with the init request (ExtendedClientDetails). */
    public static final String BROWSER_DETAILS = "v-sh=720&v-sw=1280&v-wh=720&v-ww=1280&v-bh=720&v-bw=1280"
            + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-load&v-td=false&v-pr=1&v-np=Linux%20x86_64"
            + "&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT"
            + "&v-wla=SUPPORTED&v-ws=false";

    private int uiId = -1;
    private String csrfToken;
    private String pushId;
    private int lastSyncId = -1;
    private int clientId;
    private final Map<String, Integer> nodeById = new HashMap<>();
    private final Map<Integer, String> idByNode = new HashMap<>();
    private final Map<Integer, List<Integer>> children = new HashMap<>();
    private final Map<Integer, Integer> parent = new HashMap<>();
    /** Section bodies drawn: node, section name ({@code data-section}) and when the message that drew it arrived. */
    private final List<Shown> shown = new ArrayList<>();
    private final StringBuilder pushBuffer = new StringBuilder();
    private boolean handshakeSeen;
    private int messages;

    private record Shown(int node, String section, long atMillis) {
    }

    /** The init answer ({@code GET /?v-r=init}): the UI id, the CSRF token, the push id and the first UIDL. */
    public void init(String body) {
        JsonNode config = parse(body).path("appConfig");
        uiId = config.path("v-uiId").asInt(-1);
        JsonNode uidl = config.path("uidl");
        csrfToken = uidl.path("Vaadin-Security-Key").asText(null);
        pushId = uidl.path("Vaadin-Push-ID").asText(null);
        if (uiId < 0 || csrfToken == null || pushId == null) {
            throw new IllegalStateException("Not a Vaadin init answer (no v-uiId, Vaadin-Security-Key or "
                    + "Vaadin-Push-ID): " + abbreviate(body));
        }
        apply(uidl, System.currentTimeMillis());
    }

    public int uiId() {
        return uiId;
    }

    /** The push websocket's path and query, as Vaadin's client (Atmosphere 4's JavaScript) opens it. */
    public String pushPath() {
        return "/VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket"
                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=application/json;%20charset=UTF-8"
                + "&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=" + Math.max(lastSyncId, 0);
    }

    /** The XHR path for client-to-server messages. */
    public String uidlPath() {
        return "/?v-r=uidl&v-uiId=" + uiId;
    }

    /** An answer to a UIDL request (plain JSON; an older {@code for(;;);[...]} wrapping is accepted too). */
    public void applyResponse(String body, long atMillis) {
        String text = body.strip();
        if (text.startsWith("for(;;);")) {
            text = text.substring("for(;;);".length());
        }
        JsonNode json = parse(text);
        if (json.isArray()) {
            json.forEach(m -> apply(m, atMillis));
        } else {
            apply(json, atMillis);
        }
    }

    /**
     * A websocket frame from the push connection, received at {@code atMillis}: Atmosphere's handshake, or part of,
     * one or several {@code <length>|<message>} messages.
     */
    public void onPushFrame(String frame, long atMillis) {
        pushBuffer.append(frame);
        while (true) {
            int bar = pushBuffer.indexOf("|");
            if (bar <= 0) {
                return;
            }
            int length;
            try {
                length = Integer.parseInt(pushBuffer.substring(0, bar));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Not an Atmosphere message: " + abbreviate(pushBuffer.toString()));
            }
            if (pushBuffer.length() < bar + 1 + length) {
                return;
            }
            String message = pushBuffer.substring(bar + 1, bar + 1 + length);
            pushBuffer.delete(0, bar + 1 + length);
            if (message.startsWith("{")) {
                apply(parse(message), atMillis);
            } else if (!handshakeSeen) {
                // "<tracking id>|<heartbeat interval>|X|": the connection is open.
                handshakeSeen = true;
            }
            // Anything else is Atmosphere's own padding or heartbeat: nothing for the UI.
        }
    }

    public boolean pushOpen() {
        return handshakeSeen;
    }

    /** How many UIDL messages (answers and pushes) this client has applied. */
    public int messages() {
        return messages;
    }

    public Optional<Integer> node(String elementId) {
        return Optional.ofNullable(nodeById.get(elementId));
    }

    public int requireNode(String elementId) {
        return node(elementId).orElseThrow(() -> new IllegalStateException("No element #" + elementId
                + " in the UI (after " + messages + " UIDL messages)"));
    }

    /** The position of an element among its parent's children, and the parent (e.g. a tab in its tabs). */
    public int indexInParent(int node) {
        Integer p = parent.get(node);
        if (p == null) {
            throw new IllegalStateException("Node " + node + " has no parent in the UI");
        }
        return children.get(p).indexOf(node);
    }

    public int parentOf(int node) {
        Integer p = parent.get(node);
        if (p == null) {
            throw new IllegalStateException("Node " + node + " has no parent in the UI");
        }
        return p;
    }

    /**
     * When a section's body ({@code data-section}, e.g. {@code ALLERGIES}) was first drawn inside the element with
     * this id, if it has been (time of arrival of the message that drew it, epoch ms).
     */
    public Optional<Long> shownAt(String section, String insideId) {
        Integer container = nodeById.get(insideId);
        if (container == null) {
            return Optional.empty();
        }
        return shown.stream().filter(s -> s.section().equals(section) && isInside(s.node(), container))
                .map(Shown::atMillis).min(Long::compare);
    }

    private boolean isInside(int node, int container) {
        Integer n = node;
        for (int depth = 0; n != null && depth < 200; depth++) {
            if (n == container) {
                return true;
            }
            n = parent.get(n);
        }
        return false;
    }

    // ---- client-to-server messages ----

    /** The router's navigation event, as the client sends it once the UI has started. */
    public String navigate(String route) {
        ObjectNode data = NODES.objectNode().put("route", route).put("query", "").put("appShellTitle", "Carepoint")
                .put("trigger", "");
        data.putObject("historyState").put("idx", 0);
        return message(event(1, "ui-navigate", data));
    }

    /** A click on the element with this id (the event data a mouse click carries). */
    public String click(String elementId) {
        ObjectNode data = NODES.objectNode().put("event.shiftKey", false).put("event.metaKey", false)
                .put("event.detail", 1).put("event.ctrlKey", false).put("event.altKey", false)
                .put("event.button", 0);
        return message(event(requireNode(elementId), "click", data));
    }

    /** A text field's new value and the event that makes the server read it (what typing sends). */
    public String typeText(String elementId, String value) {
        int node = requireNode(elementId);
        ObjectNode data = NODES.objectNode();
        return message(mSync(node, "value", NODES.textNode(value)), event(node, "input", data));
    }

    /** A radio button group's new value (an item key) and its {@code value-changed} event. */
    public String chooseRadio(String groupId, String itemKey) {
        int node = requireNode(groupId);
        return message(mSync(node, "value", NODES.textNode(itemKey)), event(node, "value-changed", NODES.objectNode()));
    }

    /** Selects a tab: the tabs element's {@code selected} index and its {@code selected-changed} event. */
    public String selectTab(String tabId) {
        int tab = requireNode(tabId);
        int tabs = parentOf(tab);
        int index = indexInParent(tab);
        return message(mSync(tabs, "selected", NODES.numberNode(index)),
                event(tabs, "selected-changed", NODES.objectNode()));
    }

    private static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode rpc = NODES.objectNode().put("type", "event").put("node", node).put("event", name);
        rpc.set("data", data);
        return rpc;
    }

    private static ObjectNode mSync(int node, String property, JsonNode value) {
        ObjectNode rpc = NODES.objectNode().put("type", "mSync").put("node", node).put("feature", 1)
                .put("property", property);
        rpc.set("value", value);
        return rpc;
    }

    /** The request body: security key, invocations, the last server id seen and this message's id. */
    private String message(ObjectNode... invocations) {
        ObjectNode payload = NODES.objectNode().put("csrfToken", csrfToken);
        ArrayNode rpc = payload.putArray("rpc");
        for (ObjectNode i : invocations) {
            rpc.add(i);
        }
        payload.put("syncId", Math.max(lastSyncId, 0)).put("clientId", clientId++);
        return payload.toString();
    }

    // ---- server-to-client messages ----

    private void apply(JsonNode message, long atMillis) {
        messages++;
        if (message.has("syncId")) {
            lastSyncId = Math.max(lastSyncId, message.get("syncId").asInt());
        }
        if (message.has("clientId")) {
            // The id the server expects next: never go back (a push may report an older one than a later answer).
            clientId = Math.max(clientId, message.get("clientId").asInt());
        }
        JsonNode changes = message.path("changes");
        for (JsonNode change : changes) {
            int node = change.path("node").asInt();
            String type = change.path("type").asText();
            int feature = change.path("feat").asInt(-1);
            switch (type) {
                case "put" -> {
                    if (feature == FEATURE_ATTRIBUTES) {
                        String key = change.path("key").asText();
                        JsonNode value = change.path("value");
                        if ("id".equals(key) && value.isTextual()) {
                            String old = idByNode.put(node, value.asText());
                            if (old != null) {
                                nodeById.remove(old, node);
                            }
                            nodeById.put(value.asText(), node);
                        } else if ("data-section".equals(key) && value.isTextual()) {
                            shown.add(new Shown(node, value.asText(), atMillis));
                        }
                    }
                }
                case "splice" -> {
                    if (feature == FEATURE_CHILDREN) {
                        List<Integer> list = children.computeIfAbsent(node, n -> new ArrayList<>());
                        int index = Math.min(change.path("index").asInt(), list.size());
                        int remove = change.path("remove").asInt(0);
                        for (int i = 0; i < remove && index < list.size(); i++) {
                            parent.remove(list.remove(index), node);
                        }
                        int at = index;
                        for (JsonNode added : change.path("addNodes")) {
                            list.add(at++, added.asInt());
                            parent.put(added.asInt(), node);
                        }
                    }
                }
                case "clear" -> {
                    if (feature == FEATURE_CHILDREN) {
                        List<Integer> list = children.remove(node);
                        if (list != null) {
                            list.forEach(c -> parent.remove(c, node));
                        }
                    }
                }
                case "detach" -> {
                    String id = idByNode.remove(node);
                    if (id != null) {
                        nodeById.remove(id, node);
                    }
                    children.remove(node);
                    shown.removeIf(s -> s.node() == node);
                }
                default -> {
                    // attach, remove (a map key), and the other features: nothing this client needs.
                }
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(new java.io.IOException("Not JSON: " + abbreviate(text), e));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
