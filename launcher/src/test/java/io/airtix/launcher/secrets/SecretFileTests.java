package io.airtix.launcher.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTests {

  @TempDir Path folder;

  @Test
  void existsOwnerOnlyBeforeItsFirstByte() throws Exception {
    Path file = folder.resolve("new/secret");

    SecretFile.createOwnerOnly(file);

    assertThat(Files.size(file)).isZero();
    assertThat(permissions(file)).isEqualTo("rw-------");
  }

  @Test
  void replacesAFileOthersCouldReadWithAnOwnerOnlyOne() throws Exception {
    Path file = folder.resolve("secret");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    SecretFile.write(file, "s3cret\n");

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("s3cret\n");
    assertThat(permissions(file)).isEqualTo("rw-------");
  }

  private static String permissions(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
