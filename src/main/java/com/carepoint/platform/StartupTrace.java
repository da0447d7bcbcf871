package com.carepoint.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;

/**
 * Where start-up time goes, for the start-up benchmark (docs/performance.md): with {@code -Dcarepoint.startup.trace=true}
 * Spring records every start-up step and, once the application is ready, the slowest bean creations are printed as
 * {@code STARTUP} lines (a bean's time includes the beans it needed created first). Off by default: nothing is
 * recorded.
 */
public final class StartupTrace implements ApplicationListener<ApplicationReadyEvent> {

    public static final String PROPERTY = "carepoint.startup.trace";
    private static final int SLOWEST = 25;

    private final BufferingApplicationStartup startup;

    private StartupTrace(BufferingApplicationStartup startup) {
        this.startup = startup;
    }

    public static void applyIfRequested(SpringApplication app) {
        if (Boolean.getBoolean(PROPERTY)) {
            BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
            app.setApplicationStartup(startup);
            app.addListeners(new StartupTrace(startup));
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        StartupTimeline timeline = startup.getBufferedTimeline();
        List<String> lines = new ArrayList<>();
        timeline.getEvents().stream()
                .filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(SLOWEST)
                .forEach(e -> {
                    String bean = "";
                    for (var tag : e.getStartupStep().getTags()) {
                        if (tag.getKey().equals("beanName")) {
                            bean = tag.getValue();
                        }
                    }
                    lines.add(String.format("STARTUP bean %6d ms  %s", e.getDuration().toMillis(), bean));
                });
        timeline.getEvents().stream()
                .filter(e -> !e.getStartupStep().getName().equals("spring.beans.instantiate")
                        && !e.getStartupStep().getName().startsWith("spring.beans."))
                .filter(e -> e.getDuration().compareTo(Duration.ofMillis(100)) >= 0)
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(SLOWEST)
                .forEach(e -> lines.add(String.format("STARTUP step %6d ms  %s", e.getDuration().toMillis(),
                        e.getStartupStep().getName())));
        Duration total = event.getTimeTaken();
        long cpuMillis = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
        lines.add("STARTUP ready after " + (total == null ? "?" : total.toMillis() + " ms") + ", process CPU time "
                + cpuMillis + " ms, JVM up " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        lines.forEach(System.out::println);
    }
}
