package com.carepoint.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The load test's Gatling simulation (Java DSL): simulated clinicians drive Carepoint over Vaadin's own protocol
 * ({@link VaadinUidlClient}) as a browser would, with think time between steps:
 * <ol>
 * <li><b>sign in</b>: open Carepoint, follow the redirects to the embedded sign-in page, post a load-test
 * paramedic's credentials ({@link LoadRun#accounts} accounts, each session from its own address) with the form's
 * CSRF field, follow the redirects back, bootstrap the Vaadin UI, open its push websocket
 * and navigate to "Find a patient";</li>
 * <li><b>type NHS number</b> (the field's value, checked by the server) and <b>search</b> (click "Find patient": the
 * record page and the reason-for-access dialog);</li>
 * <li><b>choose reason</b> (the first reason offered) and <b>open record</b> (click "Open record" until allergies and
 * medications have both been drawn: they come over the push websocket);</li>
 * <li><b>open section</b> (the Problems tab, until the full problems section has been drawn, also pushed);</li>
 * <li>then the session holds its record open (websocket connected) until the test has measured Carepoint with every
 * session of the step open, and signs out.</li>
 * </ol>
 * Each interaction's time runs from its first request to its last answer (or to the arrival of the push that drew
 * the section). A session whose interaction fails (a Gatling check, a missing element, a section not drawn within
 * the wait) counts one error and ends. The step (sessions, ramp, think time) is {@link LoadRun#current}.
 */
public class CarepointLoadSimulation extends Simulation {

    static final String PASSWORD = "carepoint-demo";
    private static final String CLIENT = "vaadin";
    private static final String STARTED = "interactionStarted";
    private static final String DONE_AT = "interactionDoneAt";
    private static final String ERROR = "interactionError";
    private static final String DEADLINE = "waitDeadline";
    private static final String PAYLOAD = "uidlPayload";
    private static final String BODY = "responseBody";
    private static final String PUSH = "push";

    private final LoadRun run = LoadRun.current;

    {
        HttpProtocolBuilder protocol = http.baseUrl(run.baseUrl)
                .wsBaseUrl(run.baseUrl.replaceFirst("^http", "ws"))
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Carepoint-load-test Gatling")
                .acceptLanguageHeader("en-GB,en;q=0.9")
                // Each clinician from an address of their own, as a trusted proxy on loopback reports it (Carepoint
                // believes X-Forwarded-For from loopback): the sign-in throttle counts attempts per address.
                .header("X-Forwarded-For", "#{clientAddress}")
                // Pushes that arrive while no check waits for them are kept for processUnmatchedMessages (off by
                // default); a session reads them before each request and while it waits for a section.
                .wsUnmatchedInboundMessageBufferSize(1024)
                .disableWarmUp();
        Duration thinkMin = Duration.ofMillis(Math.round(run.thinkSeconds * 500));
        Duration thinkMax = Duration.ofMillis(Math.round(run.thinkSeconds * 1500));

        ScenarioBuilder clinician = scenario("clinician opens a record")
                .exec(interaction("sign in", signIn()))
                .pause(thinkMin, thinkMax)
                .exec(interaction("type NHS number", uidl("type NHS number",
                        c -> c.typeText("nhs-number", run.nhsNumber)).exec(require("nhs-number"))))
                .pause(thinkMin, thinkMax)
                .exec(interaction("search", uidl("search", c -> c.click("find-by-nhs-number"))
                        .exec(require("reason-continue"))))
                .pause(thinkMin, thinkMax)
                .exec(interaction("choose reason", uidl("choose reason", c -> c.chooseRadio("reason-options", "1"))))
                .pause(thinkMin, thinkMax)
                .exec(interaction("open record", uidl("open record", c -> c.click("reason-continue"))
                        .exec(awaitShown(c -> both(c.shownAt("ALLERGIES", "card-allergies"),
                                c.shownAt("MEDICATIONS", "card-medications")), "allergies and medications"))))
                .pause(thinkMin, thinkMax)
                .exec(interaction("open section", uidl("open section", c -> c.selectTab("tab-problems"))
                        .exec(awaitShown(c -> c.shownAt("PROBLEMS", "full-problems"), "the full problems section"))))
                // Hold the record open (websocket connected, pushes read) until the test has measured this step.
                .exec(session -> {
                    run.holding();
                    return session;
                })
                .asLongAs(session -> !run.released()).on(
                        pause(Duration.ofMillis(run.thinkSeconds < 1 ? 100 : 1000)),
                        exec(ws.processUnmatchedMessages(PUSH, this::onPushes)))
                // Sign out (frees the session in Carepoint before the next step); not timed.
                .exec(uidl("sign out", c -> c.click("sign-out")))
                .exec(ws("sign out: close websocket").wsName(PUSH).close());

        setUp(clinician.injectOpen(rampUsers(run.sessions).during(Duration.ofSeconds(run.rampSeconds))))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(run.rampSeconds + 1800L));
    }

    private ChainBuilder signIn() {
        return exec(session -> {
                    long id = session.userId();
                    // One of the step's demo accounts (the throttle allows a few attempts in flight per account).
                    return session.set(CLIENT, new VaadinUidlClient())
                            .set("username", LoadRun.USERNAME_PREFIX + (id % run.accounts + 1))
                            .set("clientAddress", "10." + (id >> 16 & 255) + "." + (id >> 8 & 255) + "." + (id & 255));
                })
                .exec(http("sign in: open Carepoint, redirected to sign-in").get("/patients")
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("sign in: post credentials, redirected back").post("/idp/login")
                        .formParam("username", "#{username}").formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(200), currentLocationRegex(".*/patients.*").exists()))
                .exec(http("sign in: Vaadin init")
                        .get(session -> "/?v-r=init&location=patients&query=&v-curdate=" + System.currentTimeMillis()
                                + "&" + VaadinUidlClient.BROWSER_DETAILS)
                        .check(status().is(200), bodyString().saveAs(BODY)))
                .exec(session -> guard(session, c -> c.init(session.getString(BODY))))
                .exec(ws("sign in: push websocket").wsName(PUSH).connect(session -> client(session).pushPath())
                        .await(run.waitSeconds).on(ws.checkTextMessage("Atmosphere handshake")
                                .check(regex("^\\d+\\|[^|]+\\|").exists())))
                .exec(uidl("sign in: navigate to Find a patient", c -> c.navigate("/patients")))
                .exec(require("nhs-number"));
    }

    /**
     * One client-to-server message: first the pushes that have arrived (so the message carries the last server id
     * seen, as the browser's does), then the XHR, then its answer applied.
     */
    private ChainBuilder uidl(String name, Function<VaadinUidlClient, String> body) {
        return exec(ws.processUnmatchedMessages(PUSH, this::onPushes))
                .exec(session -> {
                    if (session.isFailed()) {
                        return session.set(PAYLOAD, "");
                    }
                    try {
                        return session.set(PAYLOAD, body.apply(client(session)));
                    } catch (RuntimeException e) {
                        return fail(session, e.getMessage()).set(PAYLOAD, "");
                    }
                })
                .exec(http(name).post(session -> client(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody(session -> session.getString(PAYLOAD)))
                        .check(status().is(200), bodyString().saveAs(BODY)))
                .exec(session -> {
                    long at = System.currentTimeMillis();
                    return guard(session, c -> c.applyResponse(session.getString(BODY), at)).set(DONE_AT, at);
                });
    }

    /** Fails the session unless the UI has an element with this id. */
    private ChainBuilder require(String elementId) {
        return exec(session -> client(session).node(elementId).isPresent() ? session
                : fail(session, "no #" + elementId + " in the UI"));
    }

    /** Reads pushes until {@code shown} gives the time the section was drawn, or the wait runs out. */
    private ChainBuilder awaitShown(Function<VaadinUidlClient, Optional<Long>> shown, String what) {
        return exec(session -> session.set(DEADLINE, System.currentTimeMillis() + run.waitSeconds * 1000L))
                .asLongAs(session -> shown.apply(client(session)).isEmpty()
                        && System.currentTimeMillis() < session.getLong(DEADLINE))
                .on(exec(ws.processUnmatchedMessages(PUSH, this::onPushes)), pause(Duration.ofMillis(20)))
                .exec(session -> shown.apply(client(session)).map(at -> session.set(DONE_AT, at))
                        .orElseGet(() -> fail(session, what + " not drawn within " + run.waitSeconds + " s")));
    }

    /** An interaction: timed from its start to {@link #DONE_AT}; on the first failure it stops, counts, and ends. */
    private ChainBuilder interaction(String name, ChainBuilder steps) {
        return exec(session -> session.set(STARTED, System.currentTimeMillis()).remove(ERROR))
                .exitBlockOnFail().on(steps)
                .exec(session -> {
                    if (session.isFailed()) {
                        String reason = session.contains(ERROR) ? session.getString(ERROR)
                                : "a request failed its check (see Gatling's console: KO)";
                        run.error(name, reason);
                    } else {
                        run.time(name, session.getLong(DONE_AT) - session.getLong(STARTED));
                    }
                    return session;
                })
                .exitHereIfFailed();
    }

    private Session onPushes(List<WsInboundMessage> messages, Session session) {
        return guard(session, c -> {
            for (WsInboundMessage m : messages) {
                if (m instanceof WsInboundMessage.Text text) {
                    c.onPushFrame(text.message(), text.timestamp());
                }
            }
        });
    }

    private static VaadinUidlClient client(Session session) {
        return session.get(CLIENT);
    }

    /** Runs a step of the protocol client; a protocol error fails the session with its message. */
    private static Session guard(Session session, java.util.function.Consumer<VaadinUidlClient> step) {
        if (session.isFailed()) {
            return session;
        }
        try {
            step.accept(client(session));
            return session;
        } catch (RuntimeException e) {
            return fail(session, e.getMessage());
        }
    }

    private static Session fail(Session session, String reason) {
        return session.set(ERROR, reason).markAsFailed();
    }

    private static Optional<Long> both(Optional<Long> a, Optional<Long> b) {
        return a.isPresent() && b.isPresent() ? Optional.of(Math.max(a.get(), b.get())) : Optional.empty();
    }
}
