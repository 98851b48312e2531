package io.airtix.launcher.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipUnpackerTests {

  @TempDir Path folder;

  @Test
  void unpacksWithoutTopFolderAndMakesScriptsExecutable() throws IOException {
    Path zip =
        zip("keycloak-26.7.3/", "keycloak-26.7.3/bin/kc.sh", "keycloak-26.7.3/lib/quarkus-run.jar");
    Path target = folder.resolve("keycloak");

    ZipUnpacker.unpack(zip, target, percent -> {});

    assertThat(target.resolve("bin/kc.sh")).hasContent("content of keycloak-26.7.3/bin/kc.sh");
    assertThat(target.resolve("lib/quarkus-run.jar")).exists();
    assertThat(Files.isExecutable(target.resolve("bin/kc.sh"))).isTrue();
    assertThat(target.resolve("keycloak-26.7.3")).doesNotExist();
  }

  @Test
  void reportsProgressFromZeroToHundredWithoutGoingBack() throws IOException {
    Path zip = zip("dist/", "dist/a.txt", "dist/b.txt", "dist/c.txt", "dist/d.txt");
    List<Integer> reported = new ArrayList<>();

    ZipUnpacker.unpack(zip, folder.resolve("out"), reported::add);

    assertThat(reported).first().isEqualTo(0);
    assertThat(reported).last().isEqualTo(100);
    assertThat(reported).isSorted();
    assertThat(reported).hasSizeGreaterThan(4);
  }

  @Test
  void refusesEntriesPointingOutsideTheTarget() throws IOException {
    Path zip = zip("dist/", "dist/../../escaped.txt");

    assertThatThrownBy(() -> ZipUnpacker.unpack(zip, folder.resolve("out"), percent -> {}))
        .hasMessageContaining("outside its folder");
    assertThat(folder.resolve("escaped.txt")).doesNotExist();
  }

  private Path zip(String... entries) throws IOException {
    Path zip = folder.resolve("dist.zip");
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String entry : entries) {
        out.putNextEntry(new ZipEntry(entry));
        if (!entry.endsWith("/")) {
          out.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return zip;
  }
}
