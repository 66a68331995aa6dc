package dev.hermes.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}),
 * driven over WebDriver. Both paths are given explicitly, so Selenium Manager never looks for (or
 * downloads) a driver or browser; the flags keep Chromium from calling anywhere (no background
 * networking, component updates, sync or QUIC) and give it a fresh profile.
 *
 * <p>{@code .ci/run} installs both packages ({@code chromium}, {@code chromium-driver}) when they are
 * missing. Still missing: in CI ({@code CI} or {@code HERMES_REQUIRE_BROWSER} true) the test fails;
 * anywhere else it is skipped with a loud message.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /** Fails (in CI) or skips the calling test loudly when Chromium or its driver is not installed. */
    static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): the ops page's browser "
                + "test cannot run. Install Debian's packages: apt-get install -y chromium chromium-driver";
        if (required()) {
            fail(message + " (required: CI or HERMES_REQUIRE_BROWSER is set)");
        }
        System.err.println("\n" + "!".repeat(100) + "\n!! SKIPPED: " + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }

    private static boolean required() {
        // Test code, not business code: the CI switch is an environment variable by nature.
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HERMES_REQUIRE_BROWSER"));
    }

    static ChromeDriver start(Path profile, Path log) throws Exception {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1440,1000",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
