package io.airtix.testing.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium (Debian's package) driven by Playwright, one per test JVM. Playwright
 * never downloads a browser of its own here: the build machines have no internet, and the browser
 * under test is the one users have.
 */
public final class Chromium implements AutoCloseable {

  /** Flags that keep a headless Chromium quiet, offline and runnable as root in a container. */
  private static final List<String> FLAGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Chromium launch() {
    Path executable = Path.of(System.getProperty("airtix.chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(
          "Chromium not found at "
              + executable
              + ": install it (Debian: apt-get install "
              + "chromium) or name it with -Dairtix.chromium=/path/to/chromium");
    }
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(executable)
                      .setHeadless(true)
                      .setArgs(FLAGS));
      return new Chromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  public Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
