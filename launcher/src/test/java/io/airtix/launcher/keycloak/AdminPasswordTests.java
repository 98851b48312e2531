package io.airtix.launcher.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordTests {

  @TempDir Path dataDir;

  @Test
  void generatesPasswordOnceAndKeepsIt() {
    String first = AdminPassword.of(dataDir);
    String second = AdminPassword.of(dataDir);

    assertThat(first).hasSize(24).matches("[A-Za-z0-9]+");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void storesPasswordReadableByItsOwnerOnly() throws Exception {
    AdminPassword.of(dataDir);

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(AdminPassword.FILE_NAME))))
        .isEqualTo("rw-------");
  }

  @Test
  void generatesDifferentPasswordsForDifferentDataFolders() {
    assertThat(AdminPassword.of(dataDir.resolve("one")))
        .isNotEqualTo(AdminPassword.of(dataDir.resolve("two")));
  }
}
