package com.carepoint.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context for MESH: the mailbox's client certificate and key (a key store) and the NHS CA certificates to
 * trust (a trust store). MESH uses mutual TLS; a local sandbox or the demo server needs neither, and then the JDK's
 * defaults are used.
 */
final class MeshTls {

    private MeshTls() {
    }

    /** The context for these settings, or null for the JDK default. */
    static SSLContext context(MeshProperties.Tls tls) {
        if (tls == null || (tls.keyStore().isBlank() && tls.trustStore().isBlank())) {
            return null;
        }
        try {
            KeyManagerFactory keys = null;
            if (!tls.keyStore().isBlank()) {
                KeyStore store = load(tls.keyStore(), tls.keyStorePassword(), tls.keyStoreType());
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, tls.keyStorePassword().toCharArray());
            }
            TrustManagerFactory trust = null;
            if (!tls.trustStore().isBlank()) {
                KeyStore store = load(tls.trustStore(), tls.trustStorePassword(), tls.trustStoreType());
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The MESH TLS key or trust store could not be loaded", e);
        }
    }

    private static KeyStore load(String path, String password, String type)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
