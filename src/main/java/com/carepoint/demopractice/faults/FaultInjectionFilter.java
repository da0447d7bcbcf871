package com.carepoint.demopractice.faults;

import com.carepoint.demopractice.DemoPracticeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Injects the configured faults into a demo practice's responses: latency and jitter, a rate of 500 errors, hangs
 * past the client's timeout, malformed JSON, a wrong content type and oversized bodies. Also sets
 * {@code Cache-Control: no-store} on every practice response, as GP Connect providers do.
 */
public final class FaultInjectionFilter extends OncePerRequestFilter {

    private static final Pattern PRACTICE = Pattern.compile("/demo/gp/([A-Za-z0-9]+)/");

    private final Map<String, DemoPracticeProperties.Faults> faults;

    public FaultInjectionFilter(Map<String, DemoPracticeProperties.Faults> faults) {
        // Keyed by ODS code in capitals: an environment variable (CAREPOINT_DEMO_FAULTS_A20047_LATENCY) arrives with
        // the key lower-cased by relaxed binding ("a20047").
        this.faults = faults.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        Matcher m = PRACTICE.matcher(request.getRequestURI());
        DemoPracticeProperties.Faults f = m.find() ? faults.get(m.group(1).toUpperCase(Locale.ROOT)) : null;
        if (f == null || !f.any()) {
            chain.doFilter(request, response);
            return;
        }
        String interaction = request.getHeader("Ssp-InteractionID");
        if (!f.onlyInteractions().isEmpty()
                && f.onlyInteractions().stream().noneMatch(i -> interaction != null && i.equals(interaction.trim()))) {
            chain.doFilter(request, response);
            return;
        }
        if (!f.onlySections().isEmpty()) {
            byte[] body = request.getInputStream().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            request = new CachedBodyRequest(request, body);
            if (f.onlySections().stream().noneMatch(sec -> text.contains("\"" + sec + "\""))) {
                chain.doFilter(request, response);
                return;
            }
        }
        sleep(f.latency().toMillis() + (f.jitter().isZero() ? 0
                : ThreadLocalRandom.current().nextLong(f.jitter().toMillis() + 1)));
        if (f.hang()) {
            sleep(f.hangFor().toMillis());
        }
        if (f.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < f.errorRate()) {
            write(response, 500, "application/fhir+json;charset=utf-8", """
                    {"resourceType":"OperationOutcome","meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1"]},\
                    "issue":[{"severity":"error","code":"exception","details":{"coding":[{"system":\
                    "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1","code":"INTERNAL_SERVER_ERROR",\
                    "display":"Internal server error"}]},"diagnostics":"Injected fault"}]}""");
            return;
        }
        if (f.malformedJson()) {
            write(response, 200, "application/fhir+json;charset=utf-8", "{\"resourceType\":\"Bundle\",\"entry\":[{");
            return;
        }
        if (f.wrongContentType()) {
            write(response, 200, "text/html;charset=utf-8", "<html><body><h1>Service temporarily unavailable</h1></body></html>");
            return;
        }
        if (f.oversizedBytes() > 0) {
            response.setStatus(200);
            response.setContentType("application/fhir+json;charset=utf-8");
            try (OutputStream out = response.getOutputStream()) {
                out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"id\":\"".getBytes(StandardCharsets.UTF_8));
                byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < f.oversizedBytes(); written += chunk.length) {
                    out.write(chunk);
                }
                out.write("\"}".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request with its body already read, so that the practice's server can still read it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("Not asynchronous");
                }

                @Override
                public int read() {
                    return in.read();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
