package io.airtix.identity.social;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.airtix.identity.browser.BrowserExtension;
import io.airtix.testing.keycloak.KeycloakServer;

/**
 * A Keycloak of the test class's own, started with every social sign-in option (the shared one has none), with the
 * {@link Partner} realm beside {@code airtix}; the class's browsers use it. Parameters: {@code KeycloakServer},
 * {@link Partner}. Closed after the class.
 */
final class SocialSignInKeycloak implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SocialSignInKeycloak.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    BrowserExtension.useKeycloak(context, keycloak(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KeycloakServer.class || type == Partner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == Partner.class) {
      return context.getStore(NAMESPACE).get(Partner.class, Partner.class);
    }
    return keycloak(context);
  }

  private static KeycloakServer keycloak(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    return store.computeIfAbsent(KeycloakServer.class, type -> {
      KeycloakServer keycloak = KeycloakServer.startSeparate("social", Partner::socialSignInOptions);
      store.put(Partner.class, Partner.create(keycloak));
      return keycloak;
    }, KeycloakServer.class);
  }
}
