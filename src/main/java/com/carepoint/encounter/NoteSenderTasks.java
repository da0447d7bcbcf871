package com.carepoint.encounter;

import com.carepoint.mesh.MeshProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The encounter notes' background work on db-scheduler (one node at a time, persistent in {@code scheduled_tasks}):
 * the outbox sender every few seconds, Carepoint's MESH inbox on MESH's cadence, and the removal of drafts past their
 * retention each night.
 */
@Configuration(proxyBeanMethods = false)
class NoteSenderTasks {

    @Bean
    RecurringTask<Void> noteOutboxTask(NoteSender sender,
            @Value("${carepoint.encounter.send-interval:5s}") Duration interval) {
        return Tasks.recurring("note-outbox", Schedules.fixedDelay(interval)).execute((instance, ctx) -> sender.send());
    }

    /** Carepoint's MESH inbox read and accepted messages tracked, no more often than MESH allows. */
    @Bean
    RecurringTask<Void> meshInboxTask(NoteSender sender, MeshProperties mesh) {
        Duration every = mesh.inboxPollEvery();
        if (!every.equals(mesh.inboxPollInterval())) {
            LoggerFactory.getLogger(NoteSenderTasks.class).info("MESH inbox read every {}, not {}: MESH allows "
                    + "polling at most every five minutes", every, mesh.inboxPollInterval());
        }
        return Tasks.recurring("mesh-inbox", Schedules.fixedDelay(every)).execute((instance, ctx) -> sender.collect());
    }

    @Bean
    RecurringTask<Void> noteDraftRetentionTask(EncounterNoteService notes,
            @Value("${carepoint.encounter.draft-purge-cron:0 45 2 * * *}") String cron) {
        return Tasks.recurring("note-draft-retention", Schedules.cron(cron, ZoneId.of("Europe/London")))
                .execute((instance, ctx) -> {
                    int removed = notes.purgeOldDrafts();
                    LoggerFactory.getLogger(NoteSenderTasks.class).info("Encounter note drafts past retention "
                            + "removed: {}", removed);
                });
    }
}
