package io.airtix.launcher.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a distribution zip whose entries sit under one top folder ({@code keycloak-26.7.3/...})
 * straight into a target folder, reporting progress in percent of the uncompressed bytes.
 */
final class ZipUnpacker {

  private ZipUnpacker() {}

  static void unpack(Path zip, Path target, IntConsumer percentDone) {
    Path root = target.toAbsolutePath().normalize();
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      long total = Collections.list(archive.entries()).stream().mapToLong(ZipUnpacker::size).sum();
      long done = 0;
      percentDone.accept(0);
      for (ZipEntry entry : Collections.list(archive.entries())) {
        String relative = withoutTopFolder(entry.getName());
        if (relative.isEmpty()) {
          continue;
        }
        Path destination = root.resolve(relative).normalize();
        if (!destination.startsWith(root)) {
          throw new IllegalStateException(
              zip + " holds an entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
          continue;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream content = archive.getInputStream(entry)) {
          Files.copy(content, destination, StandardCopyOption.REPLACE_EXISTING);
        }
        // zip entries written by Maven carry no Unix permissions; the launch scripts must run
        if (relative.endsWith(".sh")) {
          destination.toFile().setExecutable(true);
        }
        done += size(entry);
        percentDone.accept(total == 0 ? 100 : (int) (done * 100 / total));
      }
      percentDone.accept(100);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not unpack " + zip + " into " + target, e);
    }
  }

  private static String withoutTopFolder(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? "" : name.substring(slash + 1);
  }

  private static long size(ZipEntry entry) {
    return Math.max(entry.getSize(), 0);
  }
}
