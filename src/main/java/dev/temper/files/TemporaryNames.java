package dev.temper.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creation of files and directories under new random names, for writes that are later renamed into
 * place. Unlike {@code Files.createTempFile}, these get the mode that the umask gives, so a renamed
 * output reads like any other file the user makes.
 *
 * <p>The names come from {@link ThreadLocalRandom}: the set-up of {@code SecureRandom} took about 4
 * ms of a pull's first blob. They need not be secret, because each name is created exclusively and
 * a taken one is drawn again.
 */
public final class TemporaryNames {
  private static final int MAX_NAME_ATTEMPTS = 100;

  private TemporaryNames() {}

  /** Creates an empty file named {@code prefix}, a random part and {@code suffix}. */
  public static Path createFile(Path directory, String prefix, String suffix) throws IOException {
    return createUnderNewName(
        () -> Files.createFile(directory.resolve(prefix + randomPart() + suffix)));
  }

  /** Creates an empty directory named {@code prefix} and a random part. */
  public static Path createDirectory(Path parent, String prefix) throws IOException {
    return createUnderNewName(() -> Files.createDirectory(parent.resolve(prefix + randomPart())));
  }

  /** Returns a random part of a name: up to 13 lower-case letters and digits. */
  public static String randomPart() {
    return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
  }

  /** A step that creates a path under a fresh random name. */
  @FunctionalInterface
  private interface Creation {
    Path create() throws IOException;
  }

  /** Runs {@code creation} again while the random name it picked is taken. */
  private static Path createUnderNewName(Creation creation) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return creation.create();
      } catch (FileAlreadyExistsException e) {
        if (attempt == MAX_NAME_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
