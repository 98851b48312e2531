package io.airtix.identity.browser;

import io.airtix.testing.browser.Chromium;
import io.airtix.testing.keycloak.KeycloakServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method a fresh {@link WebBrowser} (no cookies, no sessions) on the one Chromium
 * of the JVM. A failing test leaves a screenshot of its last page under {@code
 * target/screenshots/failed/}. Use it through {@link IdentityTest}.
 */
public final class BrowserExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == WebBrowser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // values of the method's store are closed when the method is done: the browser's context with
    // them
    return context
        .getStore(NAMESPACE)
        .computeIfAbsent(
            WebBrowser.class,
            type -> new WebBrowser(chromium(context), keycloak(context)),
            WebBrowser.class);
  }

  /**
   * Makes the browsers of this test class (and its tests) use that Keycloak instead of the shared
   * one.
   */
  public static void useKeycloak(ExtensionContext classContext, KeycloakServer keycloak) {
    classContext.getStore(NAMESPACE).put(KeycloakServer.class, keycloak);
  }

  private static KeycloakServer keycloak(ExtensionContext context) {
    // a store looks into its parents' stores too: a method finds what its class put
    KeycloakServer chosen =
        context.getStore(NAMESPACE).get(KeycloakServer.class, KeycloakServer.class);
    return chosen != null ? chosen : KeycloakServer.shared();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    WebBrowser browser = context.getStore(NAMESPACE).get(WebBrowser.class, WebBrowser.class);
    if (browser != null && context.getExecutionException().isPresent()) {
      browser.screenshot(
          "failed/"
              + context.getRequiredTestClass().getSimpleName()
              + "-"
              + context.getRequiredTestMethod().getName());
    }
  }

  private static Chromium chromium(ExtensionContext context) {
    // the root store closes its values once every test of the JVM has run
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(Chromium.class, type -> Chromium.launch(), Chromium.class);
  }
}
