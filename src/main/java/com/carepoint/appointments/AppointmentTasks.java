package com.carepoint.appointments;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The appointments module's background work on db-scheduler (one node at a time, persistent in
 * {@code scheduled_tasks}): every hour, the bookings made through Carepoint that are older than a day are forgotten
 * (table {@code appointment_booked}; kept only so the clinician can link the booking in their encounter note).
 */
@Configuration(proxyBeanMethods = false)
class AppointmentTasks {

    @Bean
    RecurringTask<Void> bookingsMadeRetentionTask(AppointmentService appointments,
            @Value("${carepoint.appointments.bookings-purge-interval:1h}") Duration interval) {
        return Tasks.recurring("appointments-booked-retention", Schedules.fixedDelay(interval))
                .execute((instance, ctx) -> {
                    int removed = appointments.forgetOldBookings();
                    if (removed > 0) {
                        LoggerFactory.getLogger(AppointmentTasks.class).info("Bookings made in Carepoint more than "
                                + "a day old forgotten: {}", removed);
                    }
                });
    }
}
