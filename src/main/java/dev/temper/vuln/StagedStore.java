package dev.temper.vuln;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The working copy that one import writes: a temporary file next to the store, a copy of it when
 * the store exists, which {@link #publish()} renames over the store in one atomic step. Until then
 * the store file is never opened for writing, so a failed, interrupted or killed import leaves it
 * byte for byte as it was, and a store that did not exist does not appear.
 *
 * <p>Imports into one store take turns through a lock on {@code FILE.lock}, which stays in place
 * between imports, so that one import does not publish over the result of another. The holder of
 * the lock deletes the working copies that killed imports left behind.
 */
final class StagedStore implements AutoCloseable {
  /** Serialises imports within this process, because file locks are per process. */
  private static final Map<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Path temp;
  private final ReentrantLock processLock;
  private final FileChannel lockChannel;
  private final FileLock fileLock;
  private Connection connection;
  private boolean published;

  private StagedStore(
      Path file, Path temp, ReentrantLock processLock, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.temp = temp;
    this.processLock = processLock;
    this.lockChannel = lockChannel;
    this.fileLock = lock;
  }

  /** Returns the lock file that serialises imports into {@code file}. */
  static Path lockFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  /**
   * Waits for the import lock of {@code file}, then copies the store, if there is one, into a new
   * working copy and opens it.
   *
   * @throws InvalidInputException if the store or its copy is not an advisory database
   * @throws IOException if the directory, the lock or the copy cannot be written
   */
  static StagedStore begin(Path file) throws IOException, InvalidInputException {
    Path directory = file.getParent();
    Files.createDirectories(directory);
    ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    processLock.lock();
    FileChannel channel = null;
    StagedStore staged = null;
    try {
      channel =
          FileChannel.open(lockFile(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.lock();
      deleteAbandonedCopies(file);
      // Not Files.createTempFile, whose owner-only mode would become the mode of the store.
      Path temp =
          directory.resolve(
              tempPrefix(file) + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
      staged = new StagedStore(file, temp, processLock, channel, lock);
      boolean existing = Files.exists(file);
      if (existing) {
        Files.copy(file, temp, StandardCopyOption.COPY_ATTRIBUTES);
      } else {
        Files.createFile(temp);
      }
      staged.connection = staged.connect(existing);
      return staged;
    } catch (IOException | InvalidInputException | RuntimeException e) {
      if (staged != null) {
        staged.close();
      } else {
        if (channel != null) {
          channel.close();
        }
        processLock.unlock();
      }
      throw e;
    }
  }

  /** Returns the connection to the working copy. */
  Connection connection() {
    return connection;
  }

  /**
   * Closes the working copy, forces it to disk and renames it over the store, then forces the
   * directory so that the rename survives a power loss. Call after the last commit.
   */
  void publish() throws IOException, InvalidInputException {
    closeConnection();
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    published = true;
    forceDirectory(file.getParent());
  }

  /** Deletes the working copy unless it was published, and releases the import lock. */
  @Override
  public void close() throws IOException, InvalidInputException {
    try {
      closeConnection();
      if (!published) {
        Files.deleteIfExists(journal(temp));
        Files.deleteIfExists(temp);
      }
    } finally {
      try {
        fileLock.release();
        lockChannel.close();
      } finally {
        processLock.unlock();
      }
    }
  }

  private Connection connect(boolean existing) throws InvalidInputException {
    try {
      Connection opened = DriverManager.getConnection("jdbc:sqlite:" + temp);
      try (Statement statement = opened.createStatement()) {
        statement.execute("PRAGMA journal_mode = DELETE");
        // No connection reads the working copy before publish() forces it to disk, and a crash only
        // loses a copy that the next import deletes, so SQLite need not sync each commit.
        statement.execute("PRAGMA synchronous = OFF");
        if (existing) {
          // Checked before createSchema, which would add the tables to any SQLite database.
          AdvisoryStore.checkSchemaVersion(statement, file);
        }
        AdvisoryStore.createSchema(statement, file);
        return opened;
      } catch (SQLException | InvalidInputException e) {
        opened.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot open advisory database " + file + ": " + e.getMessage(), e);
    }
  }

  private void closeConnection() throws InvalidInputException {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
      connection = null;
    } catch (SQLException e) {
      throw new InvalidInputException(
          "advisory database " + file + ": cannot close the import copy: " + e.getMessage(), e);
    }
  }

  /** Deletes the working copies and journals of imports that were killed. */
  private static void deleteAbandonedCopies(Path file) throws IOException {
    String prefix = tempPrefix(file);
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(file.getParent(), prefix + "*.tmp*")) {
      for (Path entry : entries) {
        Files.deleteIfExists(entry);
      }
    }
  }

  /** Returns the name prefix of the temporary files of imports into {@code file}. */
  static String tempPrefix(Path file) {
    return "." + file.getFileName() + ".import-";
  }

  private static Path journal(Path database) {
    return database.resolveSibling(database.getFileName() + "-journal");
  }

  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // NOTE: some platforms cannot open a directory as a channel. The rename is then as durable
      // as the file system makes it without a sync, and it is atomic either way.
    }
  }
}
