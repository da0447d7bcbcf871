package com.carepoint.platform;

import com.carepoint.kernel.StepTimings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The record-opening step timings, in the application's meter registry (a simple one when there is none). */
@Configuration(proxyBeanMethods = false)
public class StepTimingsConfig {

    @Bean
    StepTimings stepTimings(ObjectProvider<MeterRegistry> registry) {
        return new StepTimings(registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
