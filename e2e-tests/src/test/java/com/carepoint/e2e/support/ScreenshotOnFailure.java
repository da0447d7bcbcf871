package com.carepoint.e2e.support;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;

/** Keeps a full-page screenshot of a failed browser test under {@code target/e2e-failures/}. */
public class ScreenshotOnFailure implements AfterTestExecutionCallback, LifecycleMethodExecutionExceptionHandler {

    private static final Map<String, Page> PAGES = new ConcurrentHashMap<>();

    static void register(TestInfo info, Page page) {
        PAGES.put(key(info.getTestClass().map(Class::getSimpleName).orElse("test"), info.getDisplayName()), page);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        screenshot(context, true);
        throw throwable;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        screenshot(context, context.getExecutionException().isPresent());
    }

    private static void screenshot(ExtensionContext context, boolean failed) {
        String key = key(context.getRequiredTestClass().getSimpleName(), context.getDisplayName());
        Page page = PAGES.remove(key);
        if (page != null && failed && !page.isClosed()) {
            Path file = Path.of("target", "e2e-failures", key.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            try {
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                System.err.println("Screenshot of the failure: " + file.toAbsolutePath());
            } catch (RuntimeException e) {
                System.err.println("Could not take a failure screenshot: " + e.getMessage());
            }
        }
    }

    private static String key(String className, String displayName) {
        return className + "-" + displayName;
    }
}
