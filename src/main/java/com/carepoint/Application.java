package com.carepoint;

import com.carepoint.platform.StartupTrace;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Carepoint: the GP's view of a patient at the point of care, over NHS GP Connect. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(Application.class);
        StartupTrace.applyIfRequested(app);
        app.run(args);
    }
}
