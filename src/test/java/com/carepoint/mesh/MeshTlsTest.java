package com.carepoint.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS as real MESH needs it ("You'll need a TLS certificate to establish a secure connection to MESH"): a
 * loopback HTTPS server that requires a client certificate, and the client configured through
 * {@code carepoint.mesh.tls.*} with a PKCS12 key store and trust store (made here with the JDK's keytool).
 */
class MeshTlsTest {

    @TempDir
    static Path dir;
    static HttpsServer server;
    static final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void certificatesAndServer() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext",
                "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", "server.p12", "-storetype", "PKCS12",
                "-storepass", "changeit");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-dname",
                "CN=X26ABC1.RX9.api.mesh-client.nhs.uk", "-validity", "2", "-keystore", "client.p12", "-storetype",
                "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", "changeit", "-file",
                "server.cer");
        keytool("-exportcert", "-alias", "client", "-keystore", "client.p12", "-storepass", "changeit", "-file",
                "client.cer");
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.cer", "-keystore", "client-trust.p12",
                "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.cer", "-keystore", "server-trust.p12",
                "-storetype", "PKCS12", "-storepass", "changeit");

        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load("server.p12"), "changeit".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("server-trust.p12"));
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = context.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", x -> {
            try (x) {
                paths.add(x.getRequestURI().getPath());
                x.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void theClientPresentsItsCertificateAndTrustsTheConfiguredStore() throws Exception {
        MeshClient client = MeshClient.create(MeshClientTest.properties(url(), Map.of(
                "carepoint.mesh.tls.key-store", dir.resolve("client.p12").toString(),
                "carepoint.mesh.tls.key-store-password", "changeit",
                "carepoint.mesh.tls.trust-store", dir.resolve("client-trust.p12").toString(),
                "carepoint.mesh.tls.trust-store-password", "changeit")));
        client.handshake();
        assertThat(paths).contains("/messageexchange/X26ABC1");
    }

    @Test
    void withoutAClientCertificateTheConnectionIsRefusedAsAnAuthenticationFailure() {
        MeshClient client = MeshClient.create(MeshClientTest.properties(url(), Map.of(
                "carepoint.mesh.tls.trust-store", dir.resolve("client-trust.p12").toString(),
                "carepoint.mesh.tls.trust-store-password", "changeit")));
        assertThatThrownBy(client::handshake).isInstanceOfSatisfying(MeshException.class, e -> {
            assertThat(e.kind()).isIn(MeshException.Kind.AUTHENTICATION_FAILED, MeshException.Kind.NETWORK_ERROR);
            assertThat(e.httpStatus()).isZero();
        });
    }
}
