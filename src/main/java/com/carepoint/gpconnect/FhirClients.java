package com.carepoint.gpconnect;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The FHIR clients Carepoint uses: one shared {@link FhirContext} per FHIR version (STU3 for GP Connect, R4 for the
 * national services), an HTTP client with connect and read timeouts, and a cap on the size of any answer so that a
 * broken or hostile provider cannot exhaust memory.
 */
@Component
public class FhirClients {

    public static final FhirContext STU3 = FhirContext.forDstu3Cached();
    public static final FhirContext R4 = FhirContext.forR4Cached();

    private final GpConnectProperties properties;
    private final Environment environment;

    public FhirClients(GpConnectProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        configure(STU3);
        configure(R4);
    }

    private void configure(FhirContext context) {
        IRestfulClientFactory factory = context.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout((int) properties.connectTimeout().toMillis());
        factory.setSocketTimeout((int) properties.readTimeout().toMillis());
        factory.setHttpClient(httpClient());
    }

    private CloseableHttpClient httpClient() {
        long max = properties.maxResponseBytes();
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setConnectionRequestTimeout((int) properties.connectTimeout().toMillis())
                .setSocketTimeout((int) properties.readTimeout().toMillis())
                .build();
        return HttpClients.custom()
                .setDefaultRequestConfig(config)
                .setMaxConnTotal(100)
                .setMaxConnPerRoute(20)
                .setConnectionTimeToLive(5, TimeUnit.MINUTES)
                .disableCookieManagement()
                .useSystemProperties()
                .addInterceptorFirst((org.apache.http.HttpResponseInterceptor) (response, context) -> {
                    HttpEntity entity = response.getEntity();
                    if (entity == null) {
                        return;
                    }
                    if (entity.getContentLength() > max) {
                        throw new ResponseTooLargeException(max);
                    }
                    response.setEntity(new HttpEntityWrapper(entity) {
                        @Override
                        public InputStream getContent() throws IOException {
                            return new LimitedInputStream(super.getContent(), max);
                        }
                    });
                })
                .build();
    }

    public IGenericClient stu3(String serverBase, IClientInterceptor... interceptors) {
        return client(STU3, serverBase, interceptors);
    }

    public IGenericClient r4(String serverBase, IClientInterceptor... interceptors) {
        return client(R4, serverBase, interceptors);
    }

    private static IGenericClient client(FhirContext context, String base, IClientInterceptor... interceptors) {
        IGenericClient client = context.newRestfulGenericClient(base);
        client.setEncoding(ca.uhn.fhir.rest.api.EncodingEnum.JSON);
        client.setPrettyPrint(false);
        for (IClientInterceptor i : interceptors) {
            client.registerInterceptor(i);
        }
        return client;
    }

    /** A configured URL, made absolute against this Carepoint's own address when it is relative. */
    public String resolve(String url) {
        if (!url.startsWith("/")) {
            return url;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "") + url;
    }

    public GpConnectProperties properties() {
        return properties;
    }

    /** The answer was bigger than Carepoint accepts. */
    public static final class ResponseTooLargeException extends IOException {
        public ResponseTooLargeException(long max) {
            super("Response larger than " + max + " bytes");
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long max;
        private long read;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > max) {
                throw new ResponseTooLargeException(max);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (read += n) > max) {
                throw new ResponseTooLargeException(max);
            }
            return n;
        }
    }
}
