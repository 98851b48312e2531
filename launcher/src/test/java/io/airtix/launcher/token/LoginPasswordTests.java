package io.airtix.launcher.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.launcher.demo.DemoAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginPasswordTests {

  private final List<String> questions = new ArrayList<>();

  @Test
  void usesDemoPasswordForDemoAccountWithoutAsking() {
    String password =
        LoginPassword.of("aerolux-agent", Map.of("AIRTIX_PASSWORD", "ignored"), answering("typed"));

    assertThat(password).isEqualTo(DemoAccount.PASSWORD);
    assertThat(questions).isEmpty();
  }

  @Test
  void takesPasswordOfOtherUsersFromEnvironment() {
    String password =
        LoginPassword.of(
            "amelie", Map.of("AIRTIX_PASSWORD", "s3cret-Passw0rd"), answering("typed"));

    assertThat(password).isEqualTo("s3cret-Passw0rd");
    assertThat(questions).isEmpty();
  }

  @Test
  void asksOnTerminalWhenEnvironmentHasNoPassword() {
    assertThat(LoginPassword.of("amelie", Map.of(), answering("typed"))).isEqualTo("typed");
    assertThat(LoginPassword.of("amelie", Map.of("AIRTIX_PASSWORD", ""), answering("typed")))
        .isEqualTo("typed");
    assertThat(questions).containsExactly("Password for amelie: ", "Password for amelie: ");
  }

  @Test
  void failsSayingWhatToSetWhenNobodyCanBeAsked() {
    assertThatThrownBy(() -> LoginPassword.of("amelie", Map.of(), question -> Optional.empty()))
        .isInstanceOf(TokenException.class)
        .hasMessage(
            "amelie is not a demo account and there is no terminal to ask for their password:"
                + " set AIRTIX_PASSWORD to it.");
  }

  private PasswordPrompt answering(String answer) {
    return question -> {
      questions.add(question);
      return Optional.of(answer);
    };
  }
}
