package io.airtix.launcher.storefront;

import static io.airtix.testing.browser.Accessibility.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One person in one of the storefront's apps, in a browser context of their own (own cookies,
 * storage and Keycloak session). The three apps show the same texts, roles and labels, so one page
 * object serves them all; it finds things as a person does, by role and name, never by an app's
 * markup.
 */
final class Storefront implements AutoCloseable {

  static final Viewport PHONE = new Viewport("phone", 390, 844);
  static final Viewport DESKTOP = new Viewport("desktop", 1280, 800);

  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("airtix.launcher.target", "target"), "storefront-screenshots");

  private final String app;
  private final BrowserContext context;
  private final Page page;

  Storefront(Browser browser, String app) {
    this.app = app;
    this.context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(DESKTOP.width(), DESKTOP.height())
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
    this.page = context.newPage();
    page.setDefaultTimeout(15_000);
  }

  Page page() {
    return page;
  }

  /** Keeps the live updates from this person, as when their connection lags behind the API. */
  Storefront withoutLiveUpdates() {
    context.route("**/api/live/**", route -> route.abort());
    return this;
  }

  /** The app's address for a path inside it, e.g. {@code tickets/<id>}. */
  String address(String path) {
    return RunningAirtix.GATEWAY + "/" + app + "/" + path;
  }

  Storefront open(String path) {
    page.navigate(address(path));
    return this;
  }

  Locator heading(String name) {
    return page.getByRole(
        AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1).setExact(true));
  }

  Locator button(String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }

  Locator button(Pattern name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }

  Locator link(String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  Locator link(Pattern name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
  }

  Locator text(String text) {
    return page.getByText(text);
  }

  Locator text(Pattern text) {
    return page.getByText(text);
  }

  /** The catalogue's ticket cards, each an article named by its flight. */
  Locator ticketCards() {
    return page.locator("main article");
  }

  /** Signs in on Keycloak's page from wherever the app sent the person, and back in the app. */
  void signInAtKeycloak(String username, String password) {
    page.getByLabel("Username or email").fill(username);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In")).click();
  }

  /** Signs in from a ticket's page as a traveller about to reserve it, and back there signed in. */
  void signInToReserve(String username, String password) {
    button("Sign in to reserve").click();
    signInAtKeycloak(username, password);
    awaitSignedIn();
  }

  /** Pays the held order with the simulated provider, answering as a card that goes through. */
  void payWithSimulatedCard() {
    button(Pattern.compile("^Pay ")).click();
    button(Pattern.compile("^Confirm payment of ")).click();
  }

  /** Signs in from an app page that asks for it, with the page's own button (not the header's). */
  void signInFromPage(String username, String password) {
    page.getByRole(AriaRole.MAIN)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign in"))
        .click();
    signInAtKeycloak(username, password);
  }

  /** Answers Keycloak's second-factor prompt with the code the person's authenticator app shows. */
  void enterOneTimeCode(String code) {
    page.getByLabel("One-time code").fill(code);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In")).click();
  }

  /** Waits until the app knows who is signed in. */
  void awaitSignedIn() {
    page.getByText(Pattern.compile("^Signed in as ")).waitFor();
  }

  /**
   * Checks the page as it is now with axe-core (WCAG 2.1 AA) and keeps a screenshot of it at phone
   * and desktop size, {@code target/storefront-screenshots/<app>/<name>-<viewport>.png}.
   */
  void inspect(String name) {
    assertAccessible(page, app + " " + name);
    for (Viewport viewport : new Viewport[] {PHONE, DESKTOP}) {
      page.setViewportSize(viewport.width(), viewport.height());
      Object pageWidth = page.evaluate("document.documentElement.scrollWidth");
      if (((Number) pageWidth).intValue() > viewport.width()) {
        throw new AssertionError(
            "the "
                + app
                + " "
                + name
                + " page is "
                + pageWidth
                + " px wide on a "
                + viewport.width()
                + " px "
                + viewport.name()
                + ": a person would have to scroll sideways");
      }
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve(app).resolve(name + "-" + viewport.name() + ".png"))
              .setFullPage(true));
    }
  }

  @Override
  public void close() {
    // the app keeps asking for live updates: a request kept from this person that reached its route
    // handler while the context closed failed the close with the abort that handler could no longer
    // make; without handlers, requests go on until the context is gone
    context.unrouteAll();
    context.close();
  }

  record Viewport(String name, int width, int height) {}
}
