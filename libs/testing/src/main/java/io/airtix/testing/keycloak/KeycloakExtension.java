package io.airtix.testing.keycloak;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shared {@link KeycloakServer} before a test class and stops it when JUnit has run
 * every test of the JVM: the server is kept in the root context's store, which JUnit closes last.
 * Test methods and constructors may declare a {@code KeycloakServer} parameter.
 *
 * <pre>{@code
 * @ExtendWith(KeycloakExtension.class)
 * class TicketCatalogIntegrationTests {
 *     @Test
 *     void agentCreatesTicket(KeycloakServer keycloak) { ... }
 * }
 * }</pre>
 */
public final class KeycloakExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KeycloakExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KeycloakServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static KeycloakServer server(ExtensionContext context) {
    // AutoCloseable values of the root store are closed once the whole test plan has finished
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            KeycloakServer.class, type -> KeycloakServer.shared(), KeycloakServer.class);
  }
}
