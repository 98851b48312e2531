package io.airtix.testing.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's distribution unpacked under {@code <repository>/target/keycloak-test}, with our
 * extension in {@code providers/} and our lists of common passwords in {@code
 * data/password-blacklists/}.
 *
 * <p>Unpacked once and reused: Keycloak's first start runs a build step of half a minute that later
 * starts skip as long as the build options and the providers stay the same. So the extension jar is
 * copied only when its content changed, and every start passes the same build options.
 */
final class KeycloakDistribution {

  static final String EXTENSION_JAR_IN_PROVIDERS = "airtix-keycloak-extensions.jar";
  private static final Pattern DIST_ZIP = Pattern.compile("keycloak-quarkus-dist-(.+)\\.zip");
  private static final String UNPACKED_MARKER = ".airtix-unpacked";

  private final Path repositoryRoot;
  private final Path zip;
  private final String version;

  KeycloakDistribution(Path repositoryRoot, Path zip) {
    this.repositoryRoot = repositoryRoot;
    this.zip = zip;
    Matcher name = DIST_ZIP.matcher(zip.getFileName().toString());
    if (!name.matches()) {
      throw new IllegalStateException("not a Keycloak distribution zip: " + zip);
    }
    this.version = name.group(1);
  }

  /** Finds the repository and the zip the way the parent pom tells surefire and failsafe. */
  static KeycloakDistribution fromSystemProperties() {
    String root = System.getProperty("airtix.root");
    String zip = System.getProperty("airtix.keycloak.zip");
    if (root == null || zip == null) {
      throw new IllegalStateException(
          "system properties airtix.root and airtix.keycloak.zip are not set: run the "
              + "tests through Maven (the parent pom sets them for surefire and failsafe) or set them in your IDE");
    }
    Path zipPath = Path.of(zip);
    if (!Files.isRegularFile(zipPath)) {
      throw new IllegalStateException(
          "Keycloak distribution not found at "
              + zipPath
              + ": resolve it with mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:<version>:zip -Dtransitive=false");
    }
    return new KeycloakDistribution(Path.of(root).toAbsolutePath().normalize(), zipPath);
  }

  Path repositoryRoot() {
    return repositoryRoot;
  }

  Path workDirectory() {
    return repositoryRoot.resolve("target").resolve("keycloak-test");
  }

  Path home() {
    return workDirectory().resolve("keycloak-" + version);
  }

  Path realmFile() {
    return repositoryRoot.resolve("keycloak").resolve("realm-export.json");
  }

  /**
   * Where this JVM's Keycloak writes its output: {@code logs/keycloak-<pid>.log}, because test JVMs
   * of several modules may run at once; {@code keycloak-<pid>-<name>.log} for a further Keycloak of
   * this JVM (a name, or null). {@code keycloak.log} beside it links to the newest one.
   */
  Path logFileOfThisJvm(String name) throws IOException {
    Path log =
        workDirectory()
            .resolve("logs")
            .resolve(
                "keycloak-"
                    + ProcessHandle.current().pid()
                    + (name == null ? "" : "-" + name)
                    + ".log");
    Files.createDirectories(log.getParent());
    Path newest = workDirectory().resolve("keycloak.log");
    try {
      Files.deleteIfExists(newest);
      Files.createSymbolicLink(newest, workDirectory().relativize(log));
    } catch (IOException | UnsupportedOperationException e) {
      // a convenience only (Windows may refuse links): the real file is named in every message
    }
    return log;
  }

  /**
   * Holds an exclusive lock on the work directory, shared with every other test JVM of this
   * checkout, so that only one unpacks, replaces providers or runs Keycloak's build step at a time.
   * Closing the channel releases the lock.
   */
  FileChannel lock() {
    try {
      Files.createDirectories(workDirectory());
      FileChannel channel =
          FileChannel.open(
              workDirectory().resolve("install.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      try {
        channel.lock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      return channel;
    } catch (IOException e) {
      throw new UncheckedIOException("could not lock " + workDirectory(), e);
    }
  }

  /**
   * Unpacks the distribution unless an earlier run finished doing so. Call while holding {@link
   * #lock()}.
   */
  void unpackOnce() throws IOException {
    if (Files.exists(home().resolve(UNPACKED_MARKER))) {
      return;
    }
    // a run that died half way left a partial tree: start over
    deleteRecursively(home());
    Path target = workDirectory().toRealPath();
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = archive.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path destination = target.resolve(entry.getName()).normalize();
        if (!destination.startsWith(target)) {
          throw new IOException("zip entry escapes the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
          continue;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream content = archive.getInputStream(entry)) {
          Files.copy(content, destination, StandardCopyOption.REPLACE_EXISTING);
        }
        // zip entries read through java.util.zip carry no permissions: the scripts need theirs back
        if (entry.getName().endsWith(".sh")) {
          destination.toFile().setExecutable(true);
        }
      }
    }
    if (!Files.isDirectory(home())) {
      throw new IllegalStateException(zip + " did not unpack into " + home());
    }
    Files.writeString(home().resolve(UNPACKED_MARKER), zip.toString());
  }

  /**
   * Puts the freshly built extension into {@code providers/}, touching the file only when its bytes
   * changed so that Keycloak does not rebuild for nothing. Call while holding {@link #lock()}.
   *
   * @return whether the provider changed (Keycloak will run its build step on the next start)
   */
  boolean installExtension() throws IOException {
    return copyIfChanged(
        builtExtensionJar(), home().resolve("providers").resolve(EXTENSION_JAR_IN_PROVIDERS));
  }

  /** The lists of common passwords the realm's policy names ({@code passwordBlacklist(<file>)}). */
  Path passwordBlacklists() {
    return repositoryRoot.resolve("keycloak").resolve("password-blacklists");
  }

  /**
   * Puts the repository's password lists where Keycloak looks for them by default, {@code
   * data/password-blacklists/}: a realm whose policy names a list Keycloak cannot find is refused
   * at import. Call while holding {@link #lock()}.
   */
  void installPasswordBlacklists() throws IOException {
    if (!Files.isDirectory(passwordBlacklists())) {
      throw new IllegalStateException(
          "the password lists are missing from " + passwordBlacklists());
    }
    try (DirectoryStream<Path> lists = Files.newDirectoryStream(passwordBlacklists(), "*.txt")) {
      for (Path list : lists) {
        copyIfChanged(
            list,
            home().resolve("data").resolve("password-blacklists").resolve(list.getFileName()));
      }
    }
  }

  Path builtExtensionJar() throws IOException {
    Path target = repositoryRoot.resolve("keycloak").resolve("extensions").resolve("target");
    List<Path> jars = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> candidates =
          Files.newDirectoryStream(target, "airtix-keycloak-extensions-*.jar")) {
        for (Path candidate : candidates) {
          String name = candidate.getFileName().toString();
          if (!name.endsWith("-sources.jar")
              && !name.endsWith("-javadoc.jar")
              && !name.endsWith("-tests.jar")) {
            jars.add(candidate);
          }
        }
      }
    }
    return jars.stream()
        .max(Comparator.comparing(KeycloakDistribution::lastModified))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the Keycloak extension jar is missing from "
                        + target
                        + ": build it first, e.g. mvn install -pl keycloak/extensions"));
  }

  /** Copies only when the bytes differ, so that a start that changes nothing touches nothing. */
  private static boolean copyIfChanged(Path source, Path target) throws IOException {
    if (Files.exists(target) && Files.mismatch(source, target) == -1) {
      return false;
    }
    Files.createDirectories(target.getParent());
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  private static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(directory)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
