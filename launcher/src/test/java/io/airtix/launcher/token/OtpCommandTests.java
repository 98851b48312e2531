package io.airtix.launcher.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloakclient.AuthenticatorApp;
import io.airtix.keycloakclient.Totp;
import io.airtix.launcher.demo.DemoAuthenticators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtpCommandTests {

  private static final String KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @TempDir Path dataDir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsACodeOfTheDemoAdminsAppAndOnlyTheCodeOnStandardOutput() {
    DemoAuthenticators authenticators = new DemoAuthenticators(dataDir);
    authenticators.keep("aerolux-admin", AuthenticatorApp.withKey(KEY, Long.MIN_VALUE));
    long now = Totp.stepAt(Instant.now());
    Totp totp = Totp.ofDisplayedKey(KEY);

    int exitCode = command(authenticators).print("aerolux-admin");

    assertThat(exitCode).isZero();
    String code = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(
            List.of(
                totp.codeAt(now - 1), totp.codeAt(now), totp.codeAt(now + 1), totp.codeAt(now + 2)))
        .contains(code);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(KEY);
  }

  @Test
  void neverPrintsTheSameCodeTwice() {
    DemoAuthenticators authenticators = new DemoAuthenticators(dataDir);
    authenticators.keep("aerolux-admin", AuthenticatorApp.withKey(KEY, Long.MIN_VALUE));

    command(authenticators).print("aerolux-admin");
    command(authenticators).print("aerolux-admin");

    List<String> codes = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(codes).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void saysWhenTheDemoAdminHasNoAppYet() {
    int exitCode = command(new DemoAuthenticators(dataDir)).print("boreal-admin");

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("boreal-admin has no authenticator app yet")
        .contains("./airtix");
  }

  @Test
  void refusesPeopleOutsideTheDemo() {
    int exitCode = command(new DemoAuthenticators(dataDir)).print("someone-else");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("someone-else is not a demo account");
  }

  private OtpCommand command(DemoAuthenticators authenticators) {
    return new OtpCommand(
        authenticators,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
