package io.airtix.launcher.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.launcher.Console;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakInstallationTests {

  @TempDir Path folder;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private KeycloakFiles files;
  private KeycloakInstallation installation;

  @BeforeEach
  void buildOutputBesideLauncher() throws IOException {
    Path built = Files.createDirectories(folder.resolve("launcher-target/keycloak"));
    distribution(built.resolve("keycloak-quarkus-dist-26.7.3.zip"), "26.7.3");
    Files.writeString(built.resolve(KeycloakFiles.EXTENSION), "extension v1");
    Files.writeString(built.resolve(KeycloakFiles.REALM), "{\"realm\":\"airtix\"}");
    Files.writeString(
        Files.createDirectories(built.resolve(KeycloakFiles.PASSWORD_BLACKLISTS))
            .resolve("common.txt"),
        "qwerty123456\n");
    files = KeycloakFiles.in(built);
    installation =
        new KeycloakInstallation(
            folder.resolve("data/keycloak"),
            new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false));
  }

  @Test
  void firstStartUnpacksShowingProgressAndPlacesExtensionPasswordListsAndRealm() {
    boolean builds = installation.prepare(files);

    Path home = installation.home();
    assertThat(builds).isTrue();
    assertThat(home.resolve("bin/kc.sh")).exists();
    assertThat(home.resolve("providers/airtix-keycloak-extensions.jar")).hasContent("extension v1");
    assertThat(home.resolve("data/import/airtix-realm.json")).hasContent("{\"realm\":\"airtix\"}");
    assertThat(home.resolve("data/password-blacklists/common.txt")).hasContent("qwerty123456");
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("Unpacking Keycloak 26.7.3 0%")
        .contains("Unpacking Keycloak 26.7.3 100%");
  }

  @Test
  void laterStartReusesInstallation() throws IOException {
    installation.prepare(files);
    Path marker = Files.writeString(installation.home().resolve("bin/added-by-keycloak"), "kept");
    output.reset();

    boolean builds = installation.prepare(files);

    assertThat(builds).isFalse();
    assertThat(marker).exists();
    assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("Unpacking");
  }

  @Test
  void changedExtensionIsCopiedAgain() throws IOException {
    installation.prepare(files);
    Files.writeString(files.extension(), "extension v2");

    boolean builds = installation.prepare(files);

    assertThat(builds).isTrue();
    assertThat(installation.home().resolve("providers/airtix-keycloak-extensions.jar"))
        .hasContent("extension v2");
  }

  @Test
  void newKeycloakVersionReplacesDistributionButKeepsKeycloakData() throws IOException {
    installation.prepare(files);
    Path database =
        Files.writeString(
            Files.createDirectories(installation.home().resolve("data/h2"))
                .resolve("keycloakdb.mv.db"),
            "users");
    Path built = files.distribution().getParent();
    Files.delete(files.distribution());
    distribution(built.resolve("keycloak-quarkus-dist-26.8.0.zip"), "26.8.0");

    installation.prepare(KeycloakFiles.in(built));

    assertThat(installation.home().resolve("version.txt")).hasContent("26.8.0");
    assertThat(database).hasContent("users");
  }

  private static void distribution(Path zip, String version) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String entry : new String[] {"bin/kc.sh", "lib/quarkus-run.jar", "version.txt"}) {
        out.putNextEntry(new ZipEntry("keycloak-" + version + "/" + entry));
        out.write(
            (entry.equals("version.txt") ? version : "#!/bin/sh").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }
}
