package io.airtix.launcher.keycloak;

import io.airtix.launcher.secrets.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The password of Keycloak's bootstrap administrator. Keycloak creates that account once, on its
 * first start, so the password is generated once and kept in the data folder for every later start.
 */
public final class AdminPassword {

  static final String FILE_NAME = "keycloak-admin-password";
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int LENGTH = 24;

  private AdminPassword() {}

  public static String of(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      String password = generate();
      SecretFile.write(file, password + "\n");
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not read or store Keycloak's admin password in " + file, e);
    }
  }

  static String generate() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
