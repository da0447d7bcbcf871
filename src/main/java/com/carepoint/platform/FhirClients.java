package com.carepoint.platform;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestFormatParamStyleEnum;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.carepoint.kernel.Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpConnection;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.ConnectionConfig;
import org.apache.http.config.MessageConstraints;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.protocol.HttpCoreContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The FHIR clients Carepoint uses: one {@link FhirContext} per FHIR version owned by this bean (STU3 for GP Connect,
 * R4 for the national services), an HTTP client with connect and read timeouts, and a cap on the size of any answer
 * so that a broken or hostile provider cannot exhaust memory.
 *
 * <p>What goes on the wire is exact: {@code Accept} and {@code Content-Type} are
 * {@code application/fhir+json;charset=utf-8} (GP Connect "General API guidance", pages/development/
 * development_general_api_guidance.md, "Content types": servers SHALL support {@code application/fhir+json}, the
 * charset SHALL be given "without a space", and "If a server receives a request for a format that it does not
 * support, it SHALL return ... 415"; the retrieve page's example request carries exactly these headers). No
 * {@code _format} parameter is sent: when present it overrides {@code Accept} and must be a MIME type, and HAPI's
 * {@code _format=json} is not one, so a strict provider answers 415.
 */
@Component
public class FhirClients {

    /** For parsing only (tests, tools); the clients use this bean's own contexts. */
    public static final FhirContext STU3 = FhirContext.forDstu3Cached();
    public static final FhirContext R4 = FhirContext.forR4Cached();

    /** The media type Carepoint asks for and sends to GP Connect providers (FHIR STU3 JSON, UTF-8, no space). */
    public static final String GPC_MEDIA_TYPE = "application/fhir+json;charset=utf-8";
    /** The media type Carepoint asks for from the national services (FHIR R4 APIs). */
    public static final String FHIR_JSON = "application/fhir+json";

    private final FhirContext stu3 = FhirContext.forDstu3();
    private final FhirContext r4 = FhirContext.forR4();

    private final FhirHttpProperties properties;
    private final Environment environment;
    /** One budget for every answer this node reads at once, both FHIR versions' clients together. */
    private final ResponseBudget budget;

    public FhirClients(FhirHttpProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.budget = new ResponseBudget(properties.maxInFlightBytes());
        configure(stu3);
        configure(r4);
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
                // The address is sent as built: through the Spine Secure Proxy it is
                // https://[proxy]/https://[provider root]/[request] (integration_spine_directory_service, step 3), and
                // Apache's normalisation would collapse the provider's "https://" into "https:/".
                .setNormalizeUri(false)
                .build();
        return HttpClients.custom()
                .setDefaultRequestConfig(config)
                // A practice cannot stream endless or enormous headers either (they are read before any body bound).
                .setDefaultConnectionConfig(ConnectionConfig.custom().setMessageConstraints(MessageConstraints.custom()
                        .setMaxHeaderCount(200).setMaxLineLength(16 * 1024).build()).build())
                .setMaxConnTotal(100)
                .setMaxConnPerRoute(20)
                .setConnectionTimeToLive(5, TimeUnit.MINUTES)
                .disableCookieManagement()
                .useSystemProperties()
                // Last: after Apache's content decoding, so the bounds count the decompressed bytes.
                .addInterceptorLast((HttpResponseInterceptor) (response, context) -> {
                    HttpEntity entity = response.getEntity();
                    if (entity == null) {
                        return;
                    }
                    // Runs on the calling thread: the call's own cap (CallLimits), when smaller, applies.
                    long limit = Math.min(max, CallLimits.maxBytes());
                    if (entity.getContentLength() > limit) {
                        throw new ResponseTooLargeException(limit);
                    }
                    HttpConnection connection = HttpCoreContext.adapt(context).getConnection();
                    response.setEntity(new HttpEntityWrapper(entity) {
                        @Override
                        public InputStream getContent() throws IOException {
                            return new BoundedInputStream(super.getContent(), limit, properties.maxResources(),
                                    budget, () -> shutdown(connection));
                        }
                    });
                })
                .build();
    }

    private static void shutdown(HttpConnection connection) {
        try {
            if (connection != null) {
                connection.shutdown();
            }
        } catch (IOException e) {
            // Already closed: nothing more to read either way.
        }
    }

    public IGenericClient stu3(String serverBase, IClientInterceptor... interceptors) {
        return client(stu3, serverBase, GPC_MEDIA_TYPE, interceptors);
    }

    public IGenericClient r4(String serverBase, IClientInterceptor... interceptors) {
        return client(r4, serverBase, FHIR_JSON, interceptors);
    }

    private static IGenericClient client(FhirContext context, String base, String mediaType,
            IClientInterceptor... interceptors) {
        IGenericClient client = context.newRestfulGenericClient(base);
        // JSON bodies, but no _format parameter: the media type travels in Accept / Content-Type only.
        client.setEncoding(EncodingEnum.JSON);
        client.setFormatParamStyle(RequestFormatParamStyleEnum.NONE);
        client.registerInterceptor(new ExactMediaType(mediaType));
        for (IClientInterceptor i : interceptors) {
            client.registerInterceptor(i);
        }
        return client;
    }

    /**
     * Replaces HAPI's weighted list of legacy and current media types with the one the API specifies, and states the
     * body's type exactly (HAPI would write {@code application/fhir+json; charset=UTF-8}, with a space).
     */
    static final class ExactMediaType implements IClientInterceptor {
        private final String mediaType;

        ExactMediaType(String mediaType) {
            this.mediaType = mediaType;
        }

        @Override
        public void interceptRequest(IHttpRequest request) {
            request.removeHeaders("Accept");
            request.addHeader("Accept", mediaType);
            String verb = request.getHttpVerbName();
            if ("POST".equals(verb) || "PUT".equals(verb)) {
                request.removeHeaders("Content-Type");
                request.addHeader("Content-Type", mediaType);
            }
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
            // Nothing: an answer in XML (a provider that ignores Accept) is parsed by its own Content-Type.
        }
    }

    /**
     * The resource with its text shown as written: Unicode directional overrides, embeddings and isolates (U+202A–
     * U+202E, U+2066–U+2069) and the invisible direction marks are removed from every text in it, contained resources
     * included. Otherwise a right-to-left override in a family name or a drug name reorders what follows it on screen
     * ("Morphine 05mg" displayed as "Morphine 50mg", an NHS number displayed backwards).
     */
    public <T extends IBaseResource> T shownAsWritten(T resource) {
        if (resource instanceof org.hl7.fhir.dstu3.model.Base stu3Resource) {
            shownAsWritten(stu3Resource);
        } else if (resource instanceof org.hl7.fhir.r4.model.Base r4Resource) {
            shownAsWritten(r4Resource);
        }
        return resource;
    }

    /** Every element of an STU3 resource, contained and Bundle-entry resources included. */
    private static void shownAsWritten(org.hl7.fhir.dstu3.model.Base element) {
        if (element instanceof org.hl7.fhir.dstu3.model.PrimitiveType<?> p && p.getValue() instanceof String text) {
            String clean = Text.withoutDirectionalControls(text);
            if (!clean.equals(text)) {
                p.setValueAsString(clean);
            }
        }
        for (org.hl7.fhir.dstu3.model.Property child : element.children()) {
            for (org.hl7.fhir.dstu3.model.Base value : child.getValues()) {
                shownAsWritten(value);
            }
        }
    }

    /** Every element of an R4 resource (the national services' answers). */
    private static void shownAsWritten(org.hl7.fhir.r4.model.Base element) {
        if (element instanceof org.hl7.fhir.r4.model.PrimitiveType<?> p && p.getValue() instanceof String text) {
            String clean = Text.withoutDirectionalControls(text);
            if (!clean.equals(text)) {
                p.setValueAsString(clean);
            }
        }
        for (org.hl7.fhir.r4.model.Property child : element.children()) {
            for (org.hl7.fhir.r4.model.Base value : child.getValues()) {
                shownAsWritten(value);
            }
        }
    }

    /** A configured URL, made absolute against this Carepoint's own address when it is relative. */
    public String resolve(String url) {
        if (!url.startsWith("/")) {
            return url;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "") + url;
    }


    /** The answer was bigger than Carepoint accepts (counted after decompression). */
    public static final class ResponseTooLargeException extends IOException {
        public ResponseTooLargeException(long max) {
            super("Response larger than " + max + " bytes");
        }
    }

    /** Bytes of outside answers being read on this node now, of {@link FhirHttpProperties#maxInFlightBytes()}. */
    public long bytesInFlight() {
        return budget.used();
    }

    /** This node was already reading as many answer bytes as it may hold at once: this answer was not read. */
    public static final class TooManyAnswersInFlightException extends IOException {
        public TooManyAnswersInFlightException(long budget) {
            super("More than " + budget + " bytes of answers being read at once");
        }
    }

    /** The answer cannot be read as FHIR (not UTF-8, not valid JSON) before it is even parsed. */
    public static final class MalformedAnswerException extends IOException {
        public MalformedAnswerException(String why) {
            super("Answer refused: " + why);
        }
    }

    /** The answer held more resources than any GP record section should. */
    public static final class TooManyResourcesException extends IOException {
        public TooManyResourcesException(long max) {
            super("Response with more than " + max + " resources");
        }
    }
}
