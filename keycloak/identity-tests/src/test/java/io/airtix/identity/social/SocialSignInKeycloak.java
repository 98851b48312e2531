package io.airtix.identity.social;

import io.airtix.identity.browser.BrowserExtension;
import io.airtix.testing.keycloak.KeycloakServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Keycloak of the social sign-in tests, started with every social sign-in option, with the
 * {@link Partner} realm beside {@code airtix}; the class's browsers use it. In the fixture's setup
 * the shared Keycloak has no such option, so the class gets a Keycloak of its own, closed after the
 * class with its browsers' store. In the standalone launcher's setup it is the shared standalone
 * Airtix, which found the options in its environment as a person's launcher would (the test JVM's,
 * set by the pom's {@code standalone-launcher} execution). Parameters: {@code KeycloakServer},
 * {@link Partner}.
 */
final class SocialSignInKeycloak implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SocialSignInKeycloak.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Partner partner = partner(context);
    if (!KeycloakServer.sharedIsStandaloneAirtix()) {
      // the browsers' own choice is the shared Keycloak; the extension closes what it is handed,
      // with the class
      BrowserExtension.useKeycloak(context, partner.keycloak());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KeycloakServer.class || type == Partner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Partner partner = partner(context);
    return parameter.getParameter().getType() == Partner.class ? partner : partner.keycloak();
  }

  private static Partner partner(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .computeIfAbsent(
            Partner.class,
            type ->
                KeycloakServer.sharedIsStandaloneAirtix()
                    ? partnerOfTheStandaloneAirtix()
                    : partnerOfAKeycloakOfItsOwn(),
            Partner.class);
  }

  private static Partner partnerOfTheStandaloneAirtix() {
    Map<String, String> options = Partner.socialSignInOptionsIn(System.getenv());
    if (options.isEmpty()) {
      throw new IllegalStateException(
          "the standalone Airtix was started without social sign-in options: give the "
              + "test JVM the environment of the pom's standalone-launcher execution");
    }
    return Partner.create(KeycloakServer.shared(), options);
  }

  private static Partner partnerOfAKeycloakOfItsOwn() {
    AtomicReference<Map<String, String>> options = new AtomicReference<>();
    KeycloakServer keycloak =
        KeycloakServer.startSeparate(
            "social",
            root -> {
              options.set(Partner.socialSignInOptions(root));
              return options.get();
            });
    return Partner.create(keycloak, options.get());
  }
}
