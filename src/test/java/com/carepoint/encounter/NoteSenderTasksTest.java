package com.carepoint.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.mesh.MeshProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Carepoint's MESH inbox is read by a task of its own on MESH's cadence (at most every five minutes for a real
 * server: "a maximum of once every five minutes", MESH API specification), not on every pass of the note sender,
 * which runs every few seconds.
 */
class NoteSenderTasksTest {

    static Schedule scheduleOf(RecurringTask<?> task) throws Exception {
        Field f = RecurringTask.class.getDeclaredField("schedule");
        f.setAccessible(true);
        return (Schedule) f.get(task);
    }

    static MeshProperties mesh(String baseUrl, String interval) {
        return new Binder(new MapConfigurationPropertySource(Map.of("carepoint.mesh.base-url", baseUrl,
                "carepoint.mesh.inbox-poll-interval", interval))).bindOrCreate("carepoint.mesh", MeshProperties.class);
    }

    @Test
    void theInboxOfARealMeshServerIsReadEveryFiveMinutesAndTheOutboxEveryFewSeconds() throws Exception {
        NoteSenderTasks tasks = new NoteSenderTasks();
        RecurringTask<Void> inbox = tasks.meshInboxTask(null, mesh("https://msg.intspineservices.nhs.uk", "10s"));
        assertThat(inbox.getName()).isEqualTo("mesh-inbox");
        assertThat(scheduleOf(inbox)).isEqualTo(Schedules.fixedDelay(Duration.ofMinutes(5)));
        RecurringTask<Void> outbox = tasks.noteOutboxTask(null, Duration.ofSeconds(5));
        assertThat(scheduleOf(outbox)).isEqualTo(Schedules.fixedDelay(Duration.ofSeconds(5)));
    }

    @Test
    void theEmbeddedDemoServersInboxIsReadAsConfigured() throws Exception {
        RecurringTask<Void> inbox = new NoteSenderTasks().meshInboxTask(null, mesh("/demo/mesh", "10s"));
        assertThat(scheduleOf(inbox)).isEqualTo(Schedules.fixedDelay(Duration.ofSeconds(10)));
    }
}
