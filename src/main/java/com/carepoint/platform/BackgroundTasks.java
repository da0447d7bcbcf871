package com.carepoint.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cluster-safe background work: every db-scheduler {@link Task} bean (recurring ones are scheduled at start-up) runs
 * on db-scheduler ({@code com.github.kagkarlsson:db-scheduler}), which claims each due execution in the
 * {@code scheduled_tasks} table with an optimistic update, so that with several Carepoint nodes on one database
 * exactly one node runs it, and a node that dies mid-run is noticed by its missing heartbeat. Off with
 * {@code carepoint.background-tasks.enabled=false} (as {@code ./carepoint audit-verify} runs).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "carepoint.background-tasks.enabled", havingValue = "true", matchIfMissing = true)
public class BackgroundTasks {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTasks.class);
    /** How often a running task's node says it is alive ({@code carepoint.background-tasks.heartbeat}). */
    static final String DEFAULT_HEARTBEAT = "10s";
    /** How often each node looks for due work ({@code carepoint.background-tasks.polling-interval}): one query. */
    static final String DEFAULT_POLLING = "2s";

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler backgroundScheduler(DataSource dataSource, List<Task<?>> tasks,
            @Value("${carepoint.background-tasks.heartbeat:" + DEFAULT_HEARTBEAT + "}") Duration heartbeat,
            @Value("${carepoint.background-tasks.polling-interval:" + DEFAULT_POLLING + "}") Duration polling) {
        List<Task<?>> onStartup = tasks.stream().filter(t -> t instanceof OnStartup).toList();
        List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        return Scheduler.create(dataSource, others)
                .startTasks((List) onStartup)
                .threads(2)
                // How soon a due execution is noticed: a recurring task runs up to this late, so it must not be
                // longer than the shortest interval (the note sender's 5 s); db-scheduler's 10 s made it 10 s.
                .pollingInterval(polling)
                // A node killed mid-run (kill -9, power loss) leaves its execution picked; db-scheduler revives it
                // after 6 missed heartbeats. Its default heartbeat (5 min) held the note sender up for 30 min after
                // such a crash (hazard H-051); 10 s: revived within about a minute.
                .heartbeatInterval(heartbeat)
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    @Bean
    SmartLifecycle backgroundSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
                log.info("Background tasks started (db-scheduler)");
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
