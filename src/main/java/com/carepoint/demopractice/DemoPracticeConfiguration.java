package com.carepoint.demopractice;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.data.DirectoryEntry;
import com.carepoint.demopractice.data.Practice;
import com.carepoint.demopractice.documents.PracticeDocuments;
import com.carepoint.demopractice.documents.SyntheticDocuments;
import com.carepoint.demopractice.faults.FaultInjectionFilter;
import com.carepoint.demopractice.pds.PdsServer;
import com.carepoint.demopractice.provider.DeliberateAnswerLogFilter;
import com.carepoint.demopractice.provider.DemoAppointments;
import com.carepoint.demopractice.provider.DemoRecords;
import com.carepoint.demopractice.provider.EndpointKind;
import com.carepoint.demopractice.provider.PracticeServer;
import com.carepoint.demopractice.ods.OdsServer;
import com.carepoint.demopractice.sds.SdsServer;
import com.carepoint.platform.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The demo GP practices and national service stand-ins, served over HTTP by this same process under {@code /demo/}.
 * Carepoint reaches them only through the configured endpoints (directory and demographics URLs), exactly as it
 * would reach real ones; nothing else in Carepoint imports this package. Off with
 * {@code carepoint.demo.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "carepoint.demo.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoPracticeProperties.class)
public class DemoPracticeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoPracticeConfiguration.class);

    public static final String GP_PATH = "/demo/gp/";
    public static final String PDS_PATH = "/demo/pds/FHIR/R4";
    public static final String SDS_PATH = "/demo/sds/FHIR/R4";
    public static final String ODS_PATH = "/demo/ods/FHIR/R4";

    public DemoPracticeConfiguration() {
        // A practice's deliberate refusal (ACCESS DENIED, NO_ORGANISATION_CONSENT, ...) is one log line, not HAPI's
        // stack trace.
        DeliberateAnswerLogFilter.install();
    }

    @Bean
    DemoData demoData(ResourceLoader loader, DemoPracticeProperties properties) {
        DemoData data = DemoData.load(loader, properties.dataLocation());
        log.info("Demo practices: {} practices, {} patients, {} directory entries from {}", data.practices().size(),
                data.patients().size(), data.directory().size(), properties.dataLocation());
        return data;
    }

    @Bean
    DemoRecords demoRecords(DemoData data) {
        return new DemoRecords(data, Clock.systemDefaultZone());
    }

    /** The documents in the demo practices' records (pre-existing and filed from Send Document messages). */
    @Bean
    PracticeDocuments practiceDocuments(ResourceLoader loader, DemoPracticeProperties properties, DemoData data) {
        return new PracticeDocuments(10_000, SyntheticDocuments.load(loader, properties.dataLocation(), data));
    }

    /**
     * The demo services answer only this machine (Carepoint calls them over loopback) unless
     * {@code carepoint.demo.allow-remote=true}: anyone else gets 403 and no synthetic record.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> demoLoopbackOnly(DemoPracticeProperties properties) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                // A request that came through a proxy is not from this machine, whatever address the proxy headers
                // make it appear to come from (Carepoint's own calls to the demo never carry them).
                boolean forwarded = request.getHeader("Forwarded") != null
                        || request.getHeader("X-Forwarded-For") != null || request.getHeader("X-Forwarded-Host") != null
                        || request.getHeader("X-Forwarded-Proto") != null;
                if (properties.allowRemote() || !forwarded && isLoopback(request.getRemoteAddr())) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("text/plain;charset=utf-8");
                response.getWriter().write("The demo GP practices answer only on this machine.");
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/demo/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static boolean isLoopback(String address) {
        // Only IP literals (the servlet's remote address), so no name is ever looked up.
        if (address == null || !address.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The demo services' appointment books (in memory, each opened on its first request). */
    @Bean
    DemoAppointments demoAppointments(DemoRecords records) {
        return new DemoAppointments(records);
    }

    /** Registers one HAPI server per practice service root, and the PDS and SDS stand-ins. */
    @Bean
    ServletContextInitializer demoPracticeServlets(DemoData data, DemoRecords records, DemoAppointments appointments,
            PracticeDocuments documents) {
        return servletContext -> {
            FhirContext stu3 = FhirContext.forDstu3Cached();
            FhirContext r4 = FhirContext.forR4Cached();
            Map<String, EndpointKind> roots = serviceRoots(data);
            roots.forEach((root, kind) -> {
                String ods = root.substring(GP_PATH.length(), root.indexOf('/', GP_PATH.length()));
                Practice practice = data.practice(ods).orElseThrow(() -> new IllegalStateException(
                        "Directory entry for " + ods + " names no demo practice"));
                ServletRegistration.Dynamic reg = servletContext.addServlet("demo-practice-" + root,
                        new PracticeServer(stu3, practice, kind, records, appointments, documents));
                reg.addMapping(root + "/*");
                reg.setLoadOnStartup(1);
            });
            ServletRegistration.Dynamic pds = servletContext.addServlet("demo-pds", new PdsServer(r4, records));
            pds.addMapping(PDS_PATH + "/*");
            pds.setLoadOnStartup(1);
            ServletRegistration.Dynamic ods = servletContext.addServlet("demo-ods", new OdsServer(r4, data));
            ods.addMapping(ODS_PATH + "/*");
            ods.setLoadOnStartup(1);
            ServletRegistration.Dynamic sds = servletContext.addServlet("demo-sds", new SdsServer(r4, data));
            sds.addMapping(SDS_PATH + "/*");
            sds.setLoadOnStartup(1);
        };
    }

    /**
     * The service roots the directory publishes for the demo practices: a root that serves only the structured
     * record (a practice can split capabilities across roots) is a STRUCTURED endpoint; a practice's other root then
     * serves the rest.
     */
    static Map<String, EndpointKind> serviceRoots(DemoData data) {
        Map<String, EndpointKind> roots = new LinkedHashMap<>();
        for (DirectoryEntry e : data.directory()) {
            if (!e.serviceRoot().startsWith(GP_PATH)) {
                continue;
            }
            if (e.interactionId().contains(":documents:")) {
                // Access Document has its own service root ("identified as such by an Access Document specific
                // interaction ID and service root URL path", access_documents_use_case_find_a_patient.md).
                roots.put(e.serviceRoot(), EndpointKind.DOCUMENTS);
                continue;
            }
            boolean structuredOnly = e.interactionId().contains("getstructuredrecord")
                    || e.interactionId().contains(":structured:");
            roots.merge(e.serviceRoot(), structuredOnly ? EndpointKind.STRUCTURED : EndpointKind.ALL,
                    (a, b) -> a == b ? a : EndpointKind.ALL);
        }
        for (DirectoryEntry e : data.directory()) {
            boolean practiceSplits = roots.entrySet().stream().anyMatch(r -> r.getValue() == EndpointKind.STRUCTURED
                    && r.getKey().startsWith(GP_PATH + e.odsCode() + "/"));
            if (practiceSplits && roots.get(e.serviceRoot()) == EndpointKind.ALL) {
                roots.put(e.serviceRoot(), EndpointKind.FOUNDATIONS);
            }
        }
        return roots;
    }

    @Bean
    FilterRegistrationBean<FaultInjectionFilter> demoPracticeFaults(DemoPracticeProperties properties) {
        FilterRegistrationBean<FaultInjectionFilter> reg = new FilterRegistrationBean<>(
                new FaultInjectionFilter(properties.faults()));
        reg.addUrlPatterns(GP_PATH + "*");
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return reg;
    }

    /**
     * The demo services are separate systems that authenticate calls by their own rules (GP Connect's headers and
     * JWT), not by a Carepoint sign-in: they get a stateless chain of their own, ahead of the app's.
     */
    @Bean
    @Order(0)
    SecurityFilterChain demoServicesChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/demo/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(rc -> rc.disable())
                .securityContext(sc -> sc.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        SecurityHeaders.apply(http);
        return http.build();
    }
}
