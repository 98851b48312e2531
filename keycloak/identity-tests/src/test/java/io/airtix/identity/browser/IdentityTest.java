package io.airtix.identity.browser;

import io.airtix.testing.keycloak.KeycloakExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test of Keycloak's pages: the shared Keycloak with the Airtix realm and theme
 * (parameter {@code KeycloakServer}), its mails in the fixture's SMTP server, and a fresh Chromium
 * context per test (parameter {@link WebBrowser}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({KeycloakExtension.class, BrowserExtension.class})
public @interface IdentityTest {}
