package io.airtix.launcher.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.system.ApplicationHome;

/**
 * What the build puts in {@code launcher/target/keycloak/} beside the launcher jar: Keycloak's
 * distribution zip from Maven Central, our extension jar (providers and the airtix theme), the
 * realm definition and the folder of lists of common passwords the realm's password policy names.
 */
public record KeycloakFiles(
    Path distribution, Path extension, Path realm, Path passwordBlacklists) {

  static final String FOLDER = "keycloak";
  static final String EXTENSION = "airtix-keycloak-extensions.jar";
  static final String REALM = "realm-export.json";
  static final String PASSWORD_BLACKLISTS = "password-blacklists";

  /**
   * The folder beside the running launcher, or the one named by the system property {@code
   * airtix.keycloak.files}.
   */
  public static KeycloakFiles besideLauncher(Class<?> launcher) {
    String configured = System.getProperty("airtix.keycloak.files");
    return in(configured != null ? Path.of(configured) : launcherFolder(launcher).resolve(FOLDER));
  }

  static KeycloakFiles in(Path folder) {
    Path distribution = distributionZip(folder);
    KeycloakFiles files =
        new KeycloakFiles(
            distribution,
            folder.resolve(EXTENSION),
            folder.resolve(REALM),
            folder.resolve(PASSWORD_BLACKLISTS));
    for (Path file :
        List.of(
            files.distribution(), files.extension(), files.realm(), files.passwordBlacklists())) {
      if (!Files.exists(file)) {
        throw new IllegalStateException(
            file
                + " is missing; the launcher's build puts it there"
                + " (./mvnw install -pl launcher -am, which ./airtix runs for you)");
      }
    }
    return files;
  }

  /**
   * The version in the zip's name, e.g. {@code 26.7.3} for {@code
   * keycloak-quarkus-dist-26.7.3.zip}.
   */
  public String version() {
    String name = distribution.getFileName().toString();
    return name.substring("keycloak-quarkus-dist-".length(), name.length() - ".zip".length());
  }

  private static Path distributionZip(Path folder) {
    if (!Files.isDirectory(folder)) {
      return folder.resolve("keycloak-quarkus-dist-<version>.zip");
    }
    try (Stream<Path> candidates = Files.list(folder)) {
      return candidates
          .filter(file -> file.getFileName().toString().matches("keycloak-quarkus-dist-.+\\.zip"))
          .findFirst()
          .orElse(folder.resolve("keycloak-quarkus-dist-<version>.zip"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path launcherFolder(Class<?> launcher) {
    File home = new ApplicationHome(launcher).getDir();
    // run from an IDE or a test: target/classes rather than the jar in target/
    return home.getName().equals("classes") ? home.getParentFile().toPath() : home.toPath();
  }
}
