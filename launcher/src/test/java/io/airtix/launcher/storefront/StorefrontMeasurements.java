package io.airtix.launcher.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import io.airtix.keycloakclient.NewUser;
import io.airtix.testing.browser.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The three storefront apps measured side by side in Chromium against one standalone Airtix, for
 * docs/frontends.md: how soon the catalogue is shown and interactive on a first visit, and the
 * JavaScript heap after a checkout. Not part of the build (its name is no test's): run it with
 * {@code -Dit.test=StorefrontMeasurements}, or through {@code scripts/measure-frontends.sh}. The
 * table goes to {@code target/frontend-measurements.md} and to the console.
 *
 * <p>Each of the {@value #LOADS} loads per app opens the catalogue in a browser context of its own
 * (empty cache, no cookies), the apps taking turns load by load so that a slower minute of the
 * machine falls on all three; one load per app beforehand warms the server and is not counted.
 * Times are the page's own, in milliseconds from the start of the navigation ({@code
 * performance.now()}):
 *
 * <ul>
 *   <li><b>shown</b>: the first animation frame in which the first ticket card ({@code main
 *       article}) is in the document with a box of its own, i.e. the frame that paints it;
 *   <li><b>interactive</b>: shown, the filter form's "Show tickets" button in the document and
 *       enabled, and the main thread free: the latest of the first idle period after shown ({@code
 *       requestIdleCallback}), the button's arrival and the end of the last long task (over 50 ms,
 *       Long Tasks API) that began before {@value #QUIET_MS} ms after shown;
 *   <li><b>blocking</b>: the long tasks' time beyond 50 ms each, up to {@value #QUIET_MS} ms after
 *       shown (total blocking time), and how many long tasks there were.
 * </ul>
 */
@ExtendWith(StorefrontExtension.class)
class StorefrontMeasurements {

  static final List<String> APPS = List.of("react", "vue", "svelte");
  static final int LOADS = 10;
  static final long QUIET_MS = 1_000;
  static final double LONG_TASK_MS = 50;
  static final double SHOWN_BUDGET_MS = 1_000;

  private static final String AGENT = "aerolux-agent";

  /**
   * Installed before any script of the page: watches the document for the first ticket card and the
   * filter button, and collects long tasks.
   */
  private static final String PROBE =
      """
      (() => {
        const marks = { cardInserted: null, shown: null, idle: null, buttonReady: null, longTasks: [] };
        window.__airtixMarks = marks;
        try {
          new PerformanceObserver((list) => {
            for (const task of list.getEntries()) {
              marks.longTasks.push({ start: task.startTime, end: task.startTime + task.duration });
            }
          }).observe({ type: 'longtask', buffered: true });
        } catch (e) {
          marks.longTasksUnsupported = String(e);
        }
        const hasBox = (element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        };
        const check = () => {
          if (marks.buttonReady === null) {
            const button = Array.from(document.querySelectorAll('main form button'))
              .find((b) => b.textContent.trim() === 'Show tickets');
            if (button && !button.disabled && hasBox(button)) marks.buttonReady = performance.now();
          }
          if (marks.cardInserted === null) {
            const card = document.querySelector('main article');
            if (card && hasBox(card)) {
              marks.cardInserted = performance.now();
              requestAnimationFrame(() => {
                marks.shown = performance.now();
                performance.mark('airtix-catalogue-shown');
                requestIdleCallback(() => {
                  marks.idle = performance.now();
                });
              });
            }
          }
          if (marks.cardInserted !== null && marks.buttonReady !== null) observer.disconnect();
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, attributes: true });
      })();
      """;

  @Test
  void measuresTheThreeAppsSideBySide(RunningAirtix airtix, Chromium chromium) {
    Instant started = Instant.now();
    Map<String, List<Load>> loads = new LinkedHashMap<>();
    for (String app : APPS) {
      loadCatalogue(chromium, app);
      loads.put(app, new ArrayList<>());
    }
    for (int round = 0; round < LOADS; round++) {
      for (String app : APPS) {
        loads.get(app).add(loadCatalogue(chromium, app));
      }
    }
    Map<String, Heap> catalogueHeaps = new LinkedHashMap<>();
    Map<String, Heap> checkoutHeaps = new LinkedHashMap<>();
    for (String app : APPS) {
      catalogueHeaps.put(app, heapAfterCatalogue(chromium, app));
      checkoutHeaps.put(app, heapAfterCheckout(airtix, chromium, app));
    }
    String report = report(started, loads, catalogueHeaps, checkoutHeaps);
    Path file =
        Path.of(System.getProperty("airtix.launcher.target", "target"))
            .resolve("frontend-measurements.md");
    try {
      Files.writeString(file, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(report);
  }

  /** One first visit of the catalogue in a fresh context: its marks once it is interactive. */
  private static Load loadCatalogue(Chromium chromium, String app) {
    try (Storefront visitor = new Storefront(chromium.browser(), app)) {
      Page page = visitor.page();
      page.addInitScript(PROBE);
      visitor.open("");
      page.waitForFunction(
          "() => window.__airtixMarks.idle !== null && window.__airtixMarks.buttonReady !== null");
      page.waitForTimeout(QUIET_MS + 100);
      JsonObject marks =
          JsonParser.parseString(
                  (String) page.evaluate("() => JSON.stringify(window.__airtixMarks)"))
              .getAsJsonObject();
      double shown = marks.get("shown").getAsDouble();
      double idle = marks.get("idle").getAsDouble();
      double buttonReady = marks.get("buttonReady").getAsDouble();
      double lastLongTaskEnd = 0;
      double blocking = 0;
      int longTasks = 0;
      for (JsonElement element : marks.getAsJsonArray("longTasks")) {
        JsonObject task = element.getAsJsonObject();
        double start = task.get("start").getAsDouble();
        double end = task.get("end").getAsDouble();
        if (start < shown + QUIET_MS) {
          longTasks++;
          lastLongTaskEnd = Math.max(lastLongTaskEnd, end);
          blocking += Math.max(0, end - start - LONG_TASK_MS);
        }
      }
      double domContentLoaded =
          ((Number)
                  page.evaluate(
                      "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
              .doubleValue();
      double interactive = Math.max(Math.max(idle, buttonReady), lastLongTaskEnd);
      return new Load(shown, interactive, domContentLoaded, longTasks, blocking);
    }
  }

  /** The catalogue's heap alone, for comparison: after one fresh visit, garbage collected. */
  private static Heap heapAfterCatalogue(Chromium chromium, String app) {
    try (Storefront visitor = new Storefront(chromium.browser(), app)) {
      visitor.open("");
      assertThat(visitor.ticketCards().first()).isVisible();
      visitor.page().waitForTimeout(QUIET_MS);
      return heapOf(visitor);
    }
  }

  /**
   * A new traveller signs in on a ticket's page, reserves it, pays with the simulated provider and
   * sees the booking, as in {@code StorefrontIntegrationTests}; then the heap, garbage collected.
   */
  private static Heap heapAfterCheckout(RunningAirtix airtix, Chromium chromium, String app) {
    JsonNode ticket =
        airtix.sale().listTicket(airtix.accessToken(AGENT, RunningAirtix.DEMO_PASSWORD), "aerolux");
    NewUser person = airtix.newTraveller(app + "-measured");
    try (Storefront traveller = new Storefront(chromium.browser(), app)) {
      traveller.open("tickets/" + ticket.path("id").asString());
      traveller.signInToReserve(person.username(), person.password());
      traveller.button(Pattern.compile("^Reserve for ")).click();
      assertThat(traveller.heading("Pay for your ticket")).isVisible();
      traveller.payWithSimulatedCard();
      assertThat(traveller.heading("Your ticket is booked")).isVisible();
      traveller.page().waitForTimeout(QUIET_MS);
      return heapOf(traveller);
    }
  }

  /** The page's JavaScript heap after a full garbage collection, through the DevTools protocol. */
  private static Heap heapOf(Storefront storefront) {
    Page page = storefront.page();
    CDPSession devTools = page.context().newCDPSession(page);
    try {
      devTools.send("HeapProfiler.enable");
      devTools.send("HeapProfiler.collectGarbage");
      devTools.send("HeapProfiler.collectGarbage");
      JsonObject usage = devTools.send("Runtime.getHeapUsage");
      return new Heap(usage.get("usedSize").getAsLong(), usage.get("totalSize").getAsLong());
    } finally {
      devTools.detach();
    }
  }

  private static String report(
      Instant started,
      Map<String, List<Load>> loads,
      Map<String, Heap> catalogueHeaps,
      Map<String, Heap> checkoutHeaps) {
    StringBuilder out = new StringBuilder();
    out.append("# Storefront measurements\n\n")
        .append("Chromium ")
        .append("(headless), standalone Airtix on localhost; started ")
        .append(started.truncatedTo(ChronoUnit.SECONDS))
        .append(", ")
        .append(LOADS)
        .append(" fresh-context loads of the catalogue per app, taking turns, after one unmeasured")
        .append(" load each. Milliseconds from the start of the navigation.\n\n")
        .append(
            "| App | Shown, median | Shown, max | Interactive, median | Interactive, max |"
                + " Blocking, median | Long tasks (all loads) | DOMContentLoaded, median"
                + " | Shown ≤ 1 s"
                + " | JS heap, catalogue | JS heap after a checkout |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    for (String app : APPS) {
      List<Load> measured = loads.get(app);
      List<Double> shown = measured.stream().map(Load::shown).toList();
      List<Double> interactive = measured.stream().map(Load::interactive).toList();
      List<Double> domContentLoaded = measured.stream().map(Load::domContentLoaded).toList();
      List<Double> blocking = measured.stream().map(Load::blocking).toList();
      int longTasks = measured.stream().mapToInt(Load::longTasks).sum();
      double shownMax = max(shown);
      out.append("| ")
          .append(app)
          .append(" | ")
          .append(ms(median(shown)))
          .append(" | ")
          .append(ms(shownMax))
          .append(" | ")
          .append(ms(median(interactive)))
          .append(" | ")
          .append(ms(max(interactive)))
          .append(" | ")
          .append(ms(median(blocking)))
          .append(" | ")
          .append(longTasks)
          .append(" | ")
          .append(ms(median(domContentLoaded)))
          .append(" | ")
          .append(shownMax <= SHOWN_BUDGET_MS ? "yes, every load" : "no: max over 1 s")
          .append(" | ")
          .append(catalogueHeaps.get(app))
          .append(" | ")
          .append(checkoutHeaps.get(app))
          .append(" |\n");
    }
    out.append("\nEvery load, shown / interactive / blocking (ms):\n\n");
    for (String app : APPS) {
      out.append("- ").append(app).append(": ");
      List<String> each = new ArrayList<>();
      for (Load load : loads.get(app)) {
        each.add(ms(load.shown()) + " / " + ms(load.interactive()) + " / " + ms(load.blocking()));
      }
      out.append(String.join(", ", each)).append('\n');
    }
    out.append(
        "\nJS heap: `Runtime.getHeapUsage` usedSize after `HeapProfiler.collectGarbage`, in MB"
            + " (10^6 bytes); the checkout: sign in on the ticket's page, reserve, pay with the"
            + " simulated provider, \"Your ticket is booked\".\n");
    return out.toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  record Load(
      double shown, double interactive, double domContentLoaded, int longTasks, double blocking) {}

  record Heap(long used, long total) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f MB", used / 1e6);
    }
  }
}
