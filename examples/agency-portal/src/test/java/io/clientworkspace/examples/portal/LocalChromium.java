package io.clientworkspace.examples.portal;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The headless Chromium of the browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}) when present, else the first {@code chromium},
 * {@code chromium-browser} or {@code google-chrome} and {@code chromedriver} on the {@code PATH}.
 *
 * <p>The system properties {@value #BROWSER_PROPERTY} and {@value #DRIVER_PROPERTY} name the executables
 * instead (nothing else is looked at then). When no browser or no driver is found, the tests are skipped
 * (a JUnit assumption) with a message naming what to install; with the environment variable
 * {@code CI=true} they fail instead, so that CI never skips them silently.
 */
final class LocalChromium {

    /** System property naming the browser executable, e.g. {@code -Dportal.test.chromium=/opt/chromium/chrome}. */
    static final String BROWSER_PROPERTY = "portal.test.chromium";

    /** System property naming the ChromeDriver executable. */
    static final String DRIVER_PROPERTY = "portal.test.chromedriver";

    static final String INSTALL_HINT = "apt-get install chromium chromium-driver";

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private LocalChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts a headless browser with a fresh profile under {@code target/chromium-profiles}; empty when no
     * browser or driver can be found (then {@link #assumeFound} skips each test, and the reason is printed
     * once), or fails the calling test class under {@code CI=true}.
     */
    static Optional<LocalChromium> startIfFound() throws IOException {
        Optional<Path> browser = locate(BROWSER_PROPERTY, "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = locate(DRIVER_PROPERTY, "/usr/bin/chromedriver", "chromedriver");
        if (browser.isEmpty() || chromedriver.isEmpty()) {
            String message = missingMessage(browser, chromedriver);
            if (underCi()) {
                Assertions.fail(message + " CI=true: a missing browser fails the build instead of skipping.");
            }
            System.err.println("WARNING: " + message + " The browser tests are skipped.");
            return Optional.empty();
        }
        Path profiles = Files.createDirectories(Path.of("target", "chromium-profiles"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "profile-").toAbsolutePath(),
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        return Optional.of(new LocalChromium(service, new ChromeDriver(service, options)));
    }

    /** Skips the calling test (a JUnit assumption) with the reason and what to install when no browser was found. */
    static void assumeFound(@Nullable LocalChromium chromium) {
        Assumptions.assumeTrue(chromium != null, () -> missingMessage(
                locate(BROWSER_PROPERTY, "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"),
                locate(DRIVER_PROPERTY, "/usr/bin/chromedriver", "chromedriver")));
    }

    private static String missingMessage(Optional<Path> browser, Optional<Path> chromedriver) {
        return "The browser tests need Chromium and ChromeDriver; found browser: "
                + browser.map(Path::toString).orElse("none") + ", driver: "
                + chromedriver.map(Path::toString).orElse("none") + ". Install them with '" + INSTALL_HINT
                + "' (or name them with -D" + BROWSER_PROPERTY + "=... -D" + DRIVER_PROPERTY + "=...).";
    }

    /** The browser, driven through ChromeDriver. */
    ChromeDriver driver() {
        return driver;
    }

    /** Closes the browser and stops its driver. */
    void stop() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && ci.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    /**
     * The executable named by the system property when it is set (empty when that is not executable),
     * else the first candidate that is executable: absolute paths as they are, bare names on the PATH.
     */
    static Optional<Path> locate(String property, String... candidates) {
        String named = System.getProperty(property);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named.trim());
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        List<Path> paths = new ArrayList<>();
        String pathVariable = System.getenv("PATH");
        for (String candidate : candidates) {
            if (candidate.startsWith("/")) {
                paths.add(Path.of(candidate));
            } else if (pathVariable != null) {
                for (String dir : pathVariable.split(File.pathSeparator)) {
                    if (!dir.isBlank()) {
                        paths.add(Path.of(dir, candidate));
                    }
                }
            }
        }
        return paths.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}
