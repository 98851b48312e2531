package io.airtix.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketOriginSettingsTests {

  private final WebSocketOriginSettings settings =
      new WebSocketOriginSettings(List.of("http://localhost:8080", "https://Airtix.io:443"));

  @Test
  void allowsTheListedOriginsInAnySpellingBrowsersMayUse() {
    assertThat(settings.allows("http://localhost:8080")).isTrue();
    assertThat(settings.allows("HTTP://LOCALHOST:8080")).isTrue();
    assertThat(settings.allows("https://airtix.io")).isTrue();
    assertThat(settings.allowedOrigins())
        .containsExactly("http://localhost:8080", "https://airtix.io");
  }

  @Test
  void allowsNoOtherOriginNorWhatIsNoOrigin() {
    for (String origin :
        List.of(
            "http://evil.example",
            "http://localhost:8081",
            "http://localhost",
            "https://localhost:8080",
            "http://airtix.io",
            "https://airtix.io.evil.example",
            "http://localhost:8080.evil.example",
            "http://localhost:8080/",
            "http://user@localhost:8080",
            "null",
            "",
            "localhost:8080",
            "file:///etc/passwd",
            "http://local host:8080")) {
      assertThat(settings.allows(origin)).as(origin).isFalse();
    }
  }

  @Test
  void rejectsAllowedOriginsThatAreNoOrigin() {
    for (String origin :
        List.of(
            "*",
            "https://*.airtix.io",
            "http://localhost:8080/app",
            "localhost:8080",
            "ws://localhost:8080")) {
      assertThatThrownBy(() -> new WebSocketOriginSettings(List.of(origin)))
          .as(origin)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("airtix.gateway.allowed-origins holds '" + origin + "'");
    }
  }
}
