package com.carepoint.gpconnect;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.carepoint.access.CurrentUser;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.StepTimings;
import com.carepoint.platform.CallLimits;
import com.carepoint.platform.FhirClients;
import com.carepoint.record.FetchedSection;
import com.carepoint.record.GpRecords;
import com.carepoint.record.PatientContext;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.RecordSource;
import com.carepoint.record.Section;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.EndpointDirectory;
import com.carepoint.spine.ProviderEndpoint;
import com.carepoint.spine.SpineUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Retrieves a patient's GP record over GP Connect Access Record Structured, one section per call so that a slow or
 * failing section never holds up the others. Endpoint lookups are cached for the current patient encounter only; a
 * provider's CapabilityStatement (its GP Connect version) for a configurable time. Logs carry trace ids and ODS
 * codes, never patient identifiers.
 */
@Service
public class GpConnectRecords implements GpRecords {

    private static final Logger log = LoggerFactory.getLogger(GpConnectRecords.class);

    private final EndpointDirectory directory;
    private final FhirClients clients;
    private final GpConnectProperties properties;
    private final Clock clock;
    private final Cache<String, String> versions;
    private final Semaphore allCalls;
    private final Cache<String, Semaphore> perPractice = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Endpoint lookups per patient context: gone with the context, never reused for another patient. */
    private final Cache<PatientContext, Cache<String, Optional<ProviderEndpoint>>> endpoints =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private final StepTimings timings;
    /** CapabilityStatements being asked for now, by service root: the other calls wait for the one answer. */
    private final ConcurrentHashMap<String, CompletableFuture<String>> askingVersion = new ConcurrentHashMap<>();

    public GpConnectRecords(EndpointDirectory directory, FhirClients clients, GpConnectProperties properties) {
        this(directory, clients, properties, StepTimings.standalone());
    }

    @Autowired
    public GpConnectRecords(EndpointDirectory directory, FhirClients clients, GpConnectProperties properties,
            StepTimings timings) {
        this.timings = timings;
        this.directory = directory;
        this.clients = clients;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.allCalls = new Semaphore(properties.maxConcurrentCalls());
        this.versions = Caffeine.newBuilder().expireAfterWrite(properties.capabilityCacheTtl()).maximumSize(1000).build();
    }

    @Override
    public FetchedSection fetch(PatientContext context, SectionKind kind, SectionRequest request) {
        if (!kind.structured()) {
            throw new IllegalArgumentException("Documents come from Access Document (PatientDocuments), not from the "
                    + "structured record");
        }
        if (context.patient().sensitive()) {
            throw new IllegalStateException("A sensitive patient's record is never requested over GP Connect");
        }
        String traceId = UUID.randomUUID().toString();
        String ods = context.patient().registeredPracticeOds().orElse("");
        String practice = "the patient's GP practice (" + ods + ")";
        long start = System.nanoTime();
        Optional<ProviderEndpoint> endpoint;
        try {
            endpoint = endpoints.get(context, c -> Caffeine.newBuilder().<String, Optional<ProviderEndpoint>>build())
                    .get(Interactions.STRUCTURED, i -> {
                        long looked = System.nanoTime();
                        try {
                            return directory.lookup(ods, Interactions.STRUCTURED);
                        } finally {
                            timings.since("directory", kind, looked);
                        }
                    });
        } catch (SpineUnavailableException e) {
            log.warn("Directory lookup failed ods={} trace={}", ods, traceId);
            return new FetchedSection(Section.failed(kind, new RecordProblem(RecordProblem.Kind.UNREACHABLE, e.getMessage(),
                    "Try again in a moment.", traceId)), Optional.empty(), traceId);
        }
        if (endpoint.isEmpty()) {
            return new FetchedSection(Section.failed(kind, new RecordProblem(RecordProblem.Kind.NOT_CONNECTED,
                    "The patient's GP practice (" + ods + ") is not connected to GP Connect, so their GP record "
                            + "cannot be shown in Carepoint.",
                    "Contact the practice by phone for the information you need.", traceId)), Optional.empty(), traceId);
        }
        ProviderEndpoint ep = endpoint.get();
        // A bounded number of calls at once, and fewer to one practice: a slow or hostile practice cannot take every
        // caller, and the memory its answers need stays bounded.
        Semaphore practiceCalls = perPractice.get(ods, o -> new Semaphore(properties.maxConcurrentCallsPerPractice()));
        if (!acquire(practiceCalls)) {
            return busy(kind, practice, traceId);
        }
        try {
            if (!acquire(allCalls)) {
                return busy(kind, practice, traceId);
            }
            try {
                if (context.cancelled()) {
                    // The user left while this call waited for its turn: nothing is sent to the practice.
                    return new FetchedSection(Section.failed(kind, ErrorMapping.map(
                            new CallLimits.CallCancelledException(), practice, traceId)), Optional.empty(), traceId);
                }
                return CallLimits.within(properties.sectionDeadline(), context::cancelled,
                        () -> call(context, kind, request, ep, ods, practice, traceId, start));
            } finally {
                allCalls.release();
            }
        } finally {
            practiceCalls.release();
        }
    }

    private FetchedSection call(PatientContext context, SectionKind kind, SectionRequest request, ProviderEndpoint ep,
            String ods, String practice, String traceId, long start) {
        try {
            String scope = "patient/*.read" + (version(context, ep, kind).startsWith("1.5") ? "" : " conf/N");
            IGenericClient client = client(context.user(), ep, Interactions.STRUCTURED, scope, traceId);
            Parameters parameters = StructuredRequests.parameters(request, context.patient().nhsNumber().value(), kind);
            long called = System.nanoTime();
            Bundle bundle = clients.shownAsWritten(client.operation().onType(Patient.class)
                    .named("$gpc.getstructuredrecord").withParameters(parameters).returnResourceType(Bundle.class)
                    .execute());
            timings.since("call", kind, called);
            long mapping = System.nanoTime();
            StructuredRecordMapper mapper = new StructuredRecordMapper(bundle);
            Optional<String> mismatch = AnswerIdentity.mismatch(bundle, context.patient().nhsNumber().value(),
                    mapper.sectionList(kind));
            if (mismatch.isPresent()) {
                // Never shown, never mapped: one patient's data under another's banner is the worst failure there is.
                log.error("GP Connect {} ods={} trace={} WRONG PATIENT in the answer ({}): nothing from it is shown",
                        kind, ods, traceId, mismatch.get());
                return new FetchedSection(Section.failed(kind, wrongPatient(practice, traceId)), Optional.empty(), traceId);
            }
            if (mapper.sectionList(kind).isEmpty() && NotProvided.said(bundle)) {
                log.info("GP Connect {} ods={} trace={} not provided by the practice's system", kind, ods, traceId);
                return new FetchedSection(Section.failed(kind, notProvided(kind, practice, traceId)),
                        Optional.of(source(bundle, ep)), traceId);
            }
            Section<?> section = mapper.map(kind);
            timings.since("mapping", kind, mapping);
            log.info("GP Connect {} ods={} trace={} items={} ms={}", kind, ods, traceId, section.items().size(),
                    (System.nanoTime() - start) / 1_000_000);
            return new FetchedSection(section, Optional.of(source(bundle, ep)), traceId);
        } catch (StructuredRecordMapper.UnreadableEntriesException e) {
            log.warn("GP Connect {} ods={} trace={} {}", kind, ods, traceId, e.getMessage());
            return new FetchedSection(Section.failed(kind, ErrorMapping.unreadable(practice, traceId,
                    "it listed entries that could not be found in it")), Optional.empty(), traceId);
        } catch (StructuredRecordMapper.MissingSectionException e) {
            log.warn("GP Connect {} ods={} trace={} answer without the section list", kind, ods, traceId);
            return new FetchedSection(Section.failed(kind, ErrorMapping.map(new DataFormatException(e.getMessage()), practice,
                    traceId)), Optional.empty(), traceId);
        } catch (RuntimeException e) {
            RecordProblem problem = ErrorMapping.map(e, practice, traceId);
            log.warn("GP Connect {} ods={} trace={} failed: {} ({}) ms={}", kind, ods, traceId, problem.kind(),
                    e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            return new FetchedSection(Section.failed(kind, problem), Optional.empty(), traceId);
        }
    }

    private boolean acquire(Semaphore semaphore) {
        try {
            return semaphore.tryAcquire(properties.sectionDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static FetchedSection busy(SectionKind kind, String practice, String traceId) {
        log.warn("GP Connect {} trace={} not called: too many calls under way", kind, traceId);
        return new FetchedSection(Section.failed(kind, new RecordProblem(RecordProblem.Kind.TIMEOUT, "Carepoint is "
                + "waiting for too many answers from " + practice + " at the moment, so this part of the record could "
                + "not be retrieved. It is not known whether anything is recorded.", "Try again in a minute. If it "
                + "keeps happening, contact the practice by phone.", traceId)), Optional.empty(), traceId);
    }

    /**
     * The provider's GP Connect version from its CapabilityStatement, cached; "1.5" (the safe choice) if unknown.
     * The first screen's calls start together: while one of them asks a provider, the others wait for its answer
     * (or its failure) instead of asking too, so a provider is asked once, not once per section.
     */
    private String version(PatientContext context, ProviderEndpoint ep, SectionKind kind) {
        String known = versions.getIfPresent(ep.serviceRoot());
        if (known != null) {
            return known;
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> asking = askingVersion.putIfAbsent(ep.serviceRoot(), mine);
        if (asking != null) {
            try {
                return asking.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "1.5";
            } catch (ExecutionException e) {
                return "1.5";
            }
        }
        try {
            String version = askVersion(context, ep, kind);
            mine.complete(version);
            return version;
        } finally {
            askingVersion.remove(ep.serviceRoot(), mine);
            mine.complete("1.5");
        }
    }

    private String askVersion(PatientContext context, ProviderEndpoint ep, SectionKind kind) {
        String traceId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        try {
            CapabilityStatement cs = client(context.user(), ep, Interactions.STRUCTURED_METADATA,
                    "organization/*.read", traceId).capabilities().ofType(CapabilityStatement.class).execute();
            String version = cs.hasVersion() ? cs.getVersion() : "1.5";
            versions.put(ep.serviceRoot(), version);
            return version;
        } catch (RuntimeException e) {
            // Not cached: the next call asks again (a failure is not a version).
            log.info("Capability statement unavailable ods={} trace={}: assuming 1.5", ep.odsCode(), traceId);
            return "1.5";
        } finally {
            timings.since("capability", kind, start);
        }
    }

    private IGenericClient client(CurrentUser user, ProviderEndpoint ep, String interaction, String scope,
            String traceId) {
        String base = properties.proxyPrefix().isBlank() ? ep.serviceRoot()
                : properties.proxyPrefix().replaceAll("/$", "") + "/" + ep.serviceRoot();
        return clients.stu3(base, new GpcHeaders(traceId, properties.consumerAsid(), ep.asid(), interaction,
                () -> GpcJwt.create(user, ep.serviceRoot(), scope, properties, clock)));
    }

    /**
     * Where the record came from. ARS/retrieve_patient_record ("Payload response body"): the Bundle holds the
     * "Organization matching the patient's registered GP practice, referenced from Patient.generalPractitioner" and
     * the "Organization matching the organisation serving the request, if different from above, referenced from
     * Patient.managingOrganization"; consumers "MUST NOT rely on order or index of elements within the Bundle", and a
     * Bundle holds other Organizations too (laboratories, manufacturers, the GP system's supplier). So: the
     * Organization in generalPractitioner; else the one in managingOrganization (the published examples put the
     * practice there only); else the Organization with the practice's ODS code; else the ODS code itself.
     */
    static RecordSource source(Bundle bundle, ProviderEndpoint ep, Instant now) {
        References references = new References(bundle);
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r != null).toList();
        List<Patient> patients = resources.stream().filter(Patient.class::isInstance).map(Patient.class::cast).toList();
        Optional<Organization> registered = patients.stream()
                .flatMap(p -> p.getGeneralPractitioner().stream().map(r -> references.resolve(p, r)))
                .filter(Organization.class::isInstance).map(Organization.class::cast).findFirst();
        Optional<Organization> managing = patients.stream().filter(Patient::hasManagingOrganization)
                .map(p -> references.resolve(p, p.getManagingOrganization()))
                .filter(Organization.class::isInstance).map(Organization.class::cast).findFirst();
        Optional<Organization> byOds = resources.stream().filter(Organization.class::isInstance)
                .map(Organization.class::cast)
                .filter(o -> o.getIdentifier().stream().anyMatch(i -> GpcSpec.ODS_ORGANIZATION.equals(i.getSystem())
                        && ep.odsCode().equalsIgnoreCase(String.valueOf(i.getValue()))))
                .findFirst();
        String name = registered.filter(Organization::hasName).or(() -> managing.filter(Organization::hasName))
                .or(() -> byOds.filter(Organization::hasName)).map(Organization::getName).orElse(ep.odsCode());
        return new RecordSource(name, ep.odsCode(), "GP Connect", now);
    }

    private RecordSource source(Bundle bundle, ProviderEndpoint ep) {
        return source(bundle, ep, Instant.now(clock));
    }

    static RecordProblem wrongPatient(String practice, String traceId) {
        return new RecordProblem(RecordProblem.Kind.WRONG_PATIENT, "The GP system at " + practice + " answered with a "
                + "record that is not this patient's (the NHS number in its answer is different). Nothing from that "
                + "answer is shown.", "Do not rely on Carepoint for this patient's GP record now: contact the practice "
                + "by phone. Report reference " + traceId + " to the service desk so the practice can be told.", traceId);
    }

    static RecordProblem notProvided(SectionKind kind, String practice, String traceId) {
        return new RecordProblem(RecordProblem.Kind.NOT_PROVIDED_BY_SYSTEM, "The GP system at " + practice
                + " does not share " + kind.title().toLowerCase(Locale.UK) + " through GP Connect. This does not mean "
                + "there are none.", "If you need them, contact the practice by phone.", traceId);
    }
}
