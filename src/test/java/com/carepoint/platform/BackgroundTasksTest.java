package com.carepoint.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.HeartbeatConfig;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * H-051: a node killed in the middle of a background run (the note sender mid-send) leaves db-scheduler's execution
 * picked by a node that will never finish it; the other nodes, or the same one restarted, revive it only once it
 * has missed its heartbeats. With db-scheduler's default heartbeat (5 min, 6 missed) that took 30 min, during which
 * no note was sent; Carepoint's takes about a minute. {@code NoteDeliveryCrashBenchmarkTest} (in
 * {@code ./carepoint bench}) shows it end to end: 20 kills mid-send, every note filed once.
 */
class BackgroundTasksTest {

    @Test
    void aNodeKilledMidRunIsTakenForDeadWithinAboutAMinute() throws Exception {
        Duration heartbeat = DurationStyle.detectAndParse(BackgroundTasks.DEFAULT_HEARTBEAT);
        // Building the scheduler opens no connection: the data source points nowhere.
        Scheduler scheduler = new BackgroundTasks().backgroundScheduler(
                new SimpleDriverDataSource(new org.postgresql.Driver(), "jdbc:postgresql://127.0.0.1:1/none"),
                List.of(), heartbeat, DurationStyle.detectAndParse(BackgroundTasks.DEFAULT_POLLING));
        Field f = Scheduler.class.getDeclaredField("heartbeatConfig");
        f.setAccessible(true);
        HeartbeatConfig config = (HeartbeatConfig) f.get(scheduler);
        assertThat(config.maxAgeBeforeConsideredDead).isLessThanOrEqualTo(Duration.ofSeconds(90));
        assertThat(config.heartbeatInterval).isEqualTo(Duration.ofSeconds(10));
    }

    /**
     * A recurring task runs up to one polling interval after it is due: db-scheduler's 10 s made the note sender's
     * 5 s interval (carepoint.encounter.send-interval) 10 s. Each node looks every 2 s.
     */
    @Test
    void dueWorkIsNoticedWithinTwoSecondsSoTheNoteSendersFiveSecondsHold() throws Exception {
        Duration polling = DurationStyle.detectAndParse(BackgroundTasks.DEFAULT_POLLING);
        Scheduler scheduler = new BackgroundTasks().backgroundScheduler(
                new SimpleDriverDataSource(new org.postgresql.Driver(), "jdbc:postgresql://127.0.0.1:1/none"),
                List.of(), DurationStyle.detectAndParse(BackgroundTasks.DEFAULT_HEARTBEAT), polling);
        Field waiterField = Scheduler.class.getDeclaredField("executeDueWaiter");
        waiterField.setAccessible(true);
        Object waiter = waiterField.get(scheduler);
        Field duration = waiter.getClass().getDeclaredField("duration");
        duration.setAccessible(true);
        assertThat((Duration) duration.get(waiter)).isEqualTo(Duration.ofSeconds(2));
    }
}
