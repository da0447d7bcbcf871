package com.carepoint.record;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Record retrieval runs on virtual threads, so a slow practice never holds up the UI or other sections. */
@Configuration(proxyBeanMethods = false)
class RecordConfig {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService recordExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gp-record-", 0).factory());
    }
}
