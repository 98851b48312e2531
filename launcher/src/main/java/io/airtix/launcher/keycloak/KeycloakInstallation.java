package io.airtix.launcher.keycloak;

import io.airtix.launcher.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Keycloak unpacked in the data folder, with our extension among its providers, our lists of common
 * passwords where Keycloak looks for them ({@code data/password-blacklists/}) and the realm waiting
 * for import. Unpacking happens once per Keycloak version; Keycloak's own data ({@code
 * data/keycloak/data}) survives upgrades.
 */
public final class KeycloakInstallation {

  private static final String INSTALLED_MARKER = ".airtix-distribution";
  private static final String KEYCLOAK_DATA = "data";

  private final Path home;
  private final Console console;

  public KeycloakInstallation(Path home, Console console) {
    this.home = home;
    this.console = console;
  }

  public Path home() {
    return home;
  }

  /**
   * Unpacks what is missing and refreshes the extension, the password lists and the realm file.
   *
   * @return whether Keycloak will build itself on this start (fresh distribution or changed
   *     extension), which makes the start about half a minute longer
   */
  public boolean prepare(KeycloakFiles files) {
    try {
      boolean unpacked = false;
      if (!isInstalled(files)) {
        unpack(files);
        unpacked = true;
      }
      boolean extensionChanged = installExtension(files.extension());
      // before the realm: Keycloak refuses a realm whose password policy names a list it cannot
      // find
      installPasswordBlacklists(files.passwordBlacklists());
      placeRealmForImport(files.realm());
      return unpacked || extensionChanged;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare Keycloak in " + home, e);
    }
  }

  boolean isInstalled(KeycloakFiles files) throws IOException {
    Path marker = home.resolve(INSTALLED_MARKER);
    return Files.isRegularFile(home.resolve("bin/kc.sh"))
        && Files.isRegularFile(marker)
        && Files.readString(marker, StandardCharsets.UTF_8)
            .strip()
            .equals(files.distribution().getFileName().toString());
  }

  private void unpack(KeycloakFiles files) throws IOException {
    removeEarlierDistributionKeepingData();
    Console.Progress progress = console.progress("Unpacking Keycloak " + files.version());
    ZipUnpacker.unpack(files.distribution(), home, progress::update);
    Files.writeString(
        home.resolve(INSTALLED_MARKER),
        files.distribution().getFileName().toString(),
        StandardCharsets.UTF_8);
  }

  private void removeEarlierDistributionKeepingData() throws IOException {
    if (!Files.isDirectory(home)) {
      return;
    }
    try (Stream<Path> entries = Files.list(home)) {
      for (Path entry :
          entries.filter(entry -> !entry.getFileName().toString().equals(KEYCLOAK_DATA)).toList()) {
        deleteRecursively(entry);
      }
    }
  }

  /**
   * Copies the extension jar only when it changed, so Keycloak rebuilds itself only when it has to.
   */
  boolean installExtension(Path extension) throws IOException {
    return copyIfChanged(extension, home.resolve("providers").resolve(extension.getFileName()));
  }

  /**
   * Keycloak reads the lists named by the realm's {@code passwordBlacklist(<file>)} from this
   * folder by default.
   */
  private void installPasswordBlacklists(Path lists) throws IOException {
    try (Stream<Path> files = Files.list(lists)) {
      for (Path list :
          files.filter(file -> file.getFileName().toString().endsWith(".txt")).toList()) {
        copyIfChanged(
            list,
            home.resolve(KEYCLOAK_DATA).resolve("password-blacklists").resolve(list.getFileName()));
      }
    }
  }

  private static boolean copyIfChanged(Path source, Path target) throws IOException {
    if (Files.exists(target) && Files.mismatch(target, source) == -1) {
      return false;
    }
    Files.createDirectories(target.getParent());
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  private void placeRealmForImport(Path realm) throws IOException {
    // --import-realm reads data/import/*.json and skips a realm that exists already
    Path imported = home.resolve(KEYCLOAK_DATA).resolve("import").resolve("airtix-realm.json");
    Files.createDirectories(imported.getParent());
    Files.copy(realm, imported, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}
