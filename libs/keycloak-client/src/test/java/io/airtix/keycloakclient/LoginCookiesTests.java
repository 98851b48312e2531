package io.airtix.keycloakclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginCookiesTests {

  private static final URI KEYCLOAK =
      URI.create("http://localhost:8180/realms/airtix/protocol/openid-connect/auth");

  @Test
  void sendsBackSecureCookiesToPlainHttpLocalhostAsBrowsersDo() {
    LoginCookies cookies = new LoginCookies();
    cookies.put(
        KEYCLOAK,
        Map.of(
            "set-cookie",
            List.of(
                "AUTH_SESSION_ID=abc.def;Version=1;Path=/realms/airtix/;Secure;HttpOnly;SameSite=None",
                "KC_AUTH_SESSION_HASH=\"h/W7=\";Version=1;Path=/realms/airtix/;Max-Age=60;Secure;SameSite=None")));

    Map<String, List<String>> header =
        cookies.get(
            URI.create("http://localhost:8180/realms/airtix/login-actions/authenticate"), Map.of());

    assertThat(header.get("Cookie"))
        .singleElement()
        .asString()
        .contains("AUTH_SESSION_ID=abc.def", "KC_AUTH_SESSION_HASH=\"h/W7=\"");
  }

  @Test
  void forgetsCookiesTheServerExpires() {
    LoginCookies cookies = new LoginCookies();
    cookies.remember(KEYCLOAK, "KC_RESTART=xyz;Path=/realms/airtix/");
    cookies.remember(
        KEYCLOAK,
        "KC_RESTART=;Version=1;Expires=Thu, 01-Jan-1970 00:00:10 GMT;Max-Age=0;Path=/realms/airtix/");

    assertThat(cookies.get(KEYCLOAK, Map.of())).isEmpty();
  }

  @Test
  void keepsCookiesOfDifferentHostsApart() {
    LoginCookies cookies = new LoginCookies();
    cookies.remember(KEYCLOAK, "AUTH_SESSION_ID=abc");

    assertThat(cookies.get(URI.create("http://127.0.0.1:8180/realms/airtix"), Map.of())).isEmpty();
  }
}
