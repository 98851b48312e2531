package io.airtix.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.keycloakclient.AuthenticatorApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAuthenticatorsTests {

  private static final String KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @TempDir Path dataDir;

  @Test
  void keepsTheKeyAndLastStepOfAnAppThatWasSetUpForTheNextProcess() throws Exception {
    new DemoAuthenticators(dataDir).keep("aerolux-admin", AuthenticatorApp.withKey(KEY, 123));

    AuthenticatorApp again = new DemoAuthenticators(dataDir).of("aerolux-admin");

    assertThat(again.key()).contains(KEY);
    assertThat(again.lastStep()).isEqualTo(123);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(DemoAuthenticators.FILE_NAME))))
        .isEqualTo("rw-------");
  }

  @Test
  void givesANewAppToSomeoneWithoutOneAndKeepsNothingForIt() {
    DemoAuthenticators authenticators = new DemoAuthenticators(dataDir);

    AuthenticatorApp app = authenticators.of("aerolux-agent");
    authenticators.keep("aerolux-agent", app);

    assertThat(app.key()).isEmpty();
    assertThat(authenticators.setUp("aerolux-agent")).isEmpty();
    assertThat(dataDir.resolve(DemoAuthenticators.FILE_NAME)).doesNotExist();
  }

  @Test
  void keepsEachPersonsAppApart() {
    DemoAuthenticators authenticators = new DemoAuthenticators(dataDir);
    authenticators.keep("aerolux-admin", AuthenticatorApp.withKey(KEY, 1));
    authenticators.keep("boreal-admin", AuthenticatorApp.withKey("JBSWY3DPEHPK3PXP", 2));

    assertThat(authenticators.of("aerolux-admin").key()).contains(KEY);
    assertThat(authenticators.of("boreal-admin").key()).contains("JBSWY3DPEHPK3PXP");
  }
}
