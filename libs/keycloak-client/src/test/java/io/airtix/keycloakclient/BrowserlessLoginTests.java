package io.airtix.keycloakclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BrowserlessLoginTests {

  private static final URI CALLBACK = URI.create("http://localhost:8080/callback");

  @Test
  void recognisesTheRedirectBackToTheClientWhateverItsQuery() {
    assertThat(
            BrowserlessLogin.isRedirectTo(
                URI.create("http://localhost:8080/callback?code=x&state=y"), CALLBACK))
        .isTrue();
    assertThat(
            BrowserlessLogin.isRedirectTo(
                URI.create("http://localhost:8180/realms/airtix/login-actions/x"), CALLBACK))
        .isFalse();
    assertThat(BrowserlessLogin.isRedirectTo(URI.create("http://localhost:8080/other"), CALLBACK))
        .isFalse();
  }

  @Test
  void takesTheCodeWhenTheStateMatches() {
    URI redirect =
        URI.create(
            "http://localhost:8080/callback?state=s1&session_state=abc&iss=http%3A%2F%2Flocalhost%2Frealms%2Fairtix&code=c0de.1");

    assertThat(BrowserlessLogin.codeFrom(redirect, "s1")).isEqualTo("c0de.1");
  }

  @Test
  void refusesACodeThatCameWithAnotherState() {
    URI redirect = URI.create("http://localhost:8080/callback?state=other&code=c0de");

    assertThatThrownBy(() -> BrowserlessLogin.codeFrom(redirect, "s1"))
        .isInstanceOf(LoginFailedException.class)
        .hasMessageContaining("state");
  }

  @Test
  void reportsTheErrorKeycloakRedirectedWith() {
    URI redirect =
        URI.create(
            "http://localhost:8080/callback#error=unauthorized_client&error_description=Client+is+not+allowed&state=s1");

    assertThatThrownBy(() -> BrowserlessLogin.codeFrom(redirect, "s1"))
        .isInstanceOfSatisfying(
            LoginFailedException.class,
            refused -> assertThat(refused.error()).isEqualTo("unauthorized_client"))
        .hasMessageContaining("Client is not allowed");
  }
}
