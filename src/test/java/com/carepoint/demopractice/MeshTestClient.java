package com.carepoint.demopractice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Raw MESH API v2 requests for the conformance tests, written from the MESH API specification
 * (NHSDigital/mesh-api-specification, specification/mesh-api.yaml, "MESH Authorization header") and not through
 * any Carepoint or demo client: each test can change one part of the token or one header.
 */
final class MeshTestClient {

    static final String V2 = "application/vnd.mesh.v2+json";
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String base;
    final String sharedKey;

    MeshTestClient(int port, String sharedKey) {
        this.base = "http://localhost:" + port + "/demo/mesh";
        this.sharedKey = sharedKey;
    }

    /** "NHSMESH mailbox_id:nonce:nonce_count:timestamp:hash" over mailbox_id:nonce:nonce_count:password:timestamp. */
    static String token(String key, String mailbox, String password, String nonce, String nonceCount, Instant at) {
        String timestamp = TIMESTAMP.format(at);
        return "NHSMESH " + mailbox + ":" + nonce + ":" + nonceCount + ":" + timestamp + ":"
                + hmac(key, mailbox + ":" + nonce + ":" + nonceCount + ":" + password + ":" + timestamp);
    }

    static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String token(String mailbox, String password) {
        return token(sharedKey, mailbox, password, UUID.randomUUID().toString(), "1", Instant.now());
    }

    /** A request as a correct client makes it: a fresh token, Accept v2; headers can be changed or removed. */
    final class Call {
        final String method;
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];

        Call(String method, String path, String mailbox, String password) {
            this.method = method;
            this.path = path;
            headers.put("Authorization", token(mailbox, password));
            headers.put("Accept", V2);
        }

        Call header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        Call body(byte[] content) {
            this.body = content;
            return this;
        }

        HttpResponse<byte[]> send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(b::header);
            b.method(method, body.length == 0 && !"POST".equals(method) ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Call call(String method, String path, String mailbox, String password) {
        return new Call(method, path, mailbox, password);
    }

    Call handshake(String mailbox, String password) {
        return call("GET", "/messageexchange/" + mailbox, mailbox, password)
                .header("Mex-ClientVersion", "ConformanceTest==1.0")
                .header("Mex-OSName", "Linux")
                .header("Mex-OSVersion", "test");
    }

    Call send(String mailbox, String password, String to, String workflowId, byte[] content) {
        return call("POST", "/messageexchange/" + mailbox + "/outbox", mailbox, password)
                .header("Mex-From", mailbox)
                .header("Mex-To", to)
                .header("Mex-WorkflowID", workflowId)
                .header("Mex-FileName", "message.xml")
                .header("Mex-LocalID", "TEST1")
                .header("Mex-Subject", "Test message")
                .header("Content-Type", "application/fhir+xml")
                .body(content);
    }

    Call inbox(String mailbox, String password) {
        return call("GET", "/messageexchange/" + mailbox + "/inbox", mailbox, password);
    }

    Call download(String mailbox, String password, String messageId) {
        return call("GET", "/messageexchange/" + mailbox + "/inbox/" + messageId, mailbox, password);
    }

    Call acknowledge(String mailbox, String password, String messageId) {
        return call("PUT", "/messageexchange/" + mailbox + "/inbox/" + messageId + "/status/acknowledged", mailbox,
                password);
    }

    Call tracking(String mailbox, String password, String messageId) {
        return call("GET", "/messageexchange/" + mailbox + "/outbox/tracking?messageID=" + messageId, mailbox,
                password);
    }
}
