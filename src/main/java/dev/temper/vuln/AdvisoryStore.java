package dev.temper.vuln;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The advisory database: one SQLite file, {@code advisories.db} in the cache directory by default.
 * Each source's records are kept apart, replaced record by record on re-import, and described by a
 * row of metadata. Lookups go through one index on (ecosystem, release, package), where the package
 * is the Debian source package or the Maven {@code groupId:artifactId}.
 *
 * <p>The store is opened read-only, and a missing file reads as an empty store without being
 * created. An import writes a copy and renames it over the file when it commits (see {@link
 * StagedStore}), so the file appears, or changes, only when an import completed. One connection is
 * not thread-safe.
 */
public final class AdvisoryStore implements AutoCloseable {
  /** The file name of the store inside the cache directory. */
  public static final String FILE_NAME = "advisories.db";

  static final int SCHEMA_VERSION = 1;

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS advisories(source TEXT NOT NULL, id TEXT NOT NULL,"
        + " aliases TEXT NOT NULL, related TEXT NOT NULL, summary TEXT NOT NULL, modified_ms INTEGER,"
        + " withdrawn INTEGER NOT NULL, severity TEXT NOT NULL, cvss TEXT NOT NULL,"
        + " PRIMARY KEY(source, id))",
    "CREATE TABLE IF NOT EXISTS affected(source TEXT NOT NULL, advisory_id TEXT NOT NULL,"
        + " ecosystem TEXT NOT NULL, release TEXT NOT NULL, package TEXT NOT NULL,"
        + " binaries TEXT NOT NULL, ranges TEXT NOT NULL, versions TEXT NOT NULL,"
        + " unfixed_status TEXT NOT NULL, severity TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS affected_by_package ON affected(ecosystem, release, package)",
    "CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected(source, advisory_id)",
    "CREATE TABLE IF NOT EXISTS sources(name TEXT PRIMARY KEY, imported_at TEXT NOT NULL,"
        + " record_count INTEGER NOT NULL, newest_modified TEXT)",
  };

  private static final String LOOKUP =
      "SELECT a.source, a.id, a.aliases, a.summary, a.severity, f.binaries, f.ranges, f.versions,"
          + " f.unfixed_status, f.severity FROM affected f JOIN advisories a"
          + " ON a.source = f.source AND a.id = f.advisory_id"
          + " WHERE f.ecosystem = ? AND f.release = ? AND f.package = ? AND a.withdrawn = 0"
          + " ORDER BY a.source, a.id";

  private final Path file;
  private final Clock clock;
  private Connection connection;
  private PreparedStatement lookup;

  private AdvisoryStore(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** Returns the default location of the store under a cache root. */
  public static Path defaultFile(Path cacheRoot) {
    return cacheRoot.resolve(FILE_NAME);
  }

  /**
   * Opens the store at {@code file} for reading. A missing file is an empty store, and neither the
   * file nor its directory is created.
   *
   * @param clock the clock that stamps imports
   * @throws InvalidInputException if the file is not a SQLite database, or has another schema
   */
  public static AdvisoryStore open(Path file, Clock clock) throws InvalidInputException {
    AdvisoryStore store = new AdvisoryStore(file.toAbsolutePath(), clock);
    store.connect();
    return store;
  }

  /** Opens a read-only connection to the file if it exists. */
  private void connect() throws InvalidInputException {
    if (!Files.exists(file)) {
      return;
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try {
      Connection opened = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
      try (Statement statement = opened.createStatement()) {
        checkSchemaVersion(statement, file);
      } catch (SQLException | InvalidInputException e) {
        opened.close();
        throw e;
      }
      connection = opened;
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot open advisory database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Creates the tables of an empty database, and checks the schema version of any database. */
  static void createSchema(Statement statement, Path file)
      throws SQLException, InvalidInputException {
    for (String ddl : SCHEMA) {
      statement.execute(ddl);
    }
    statement.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '"
            + SCHEMA_VERSION
            + "')");
    checkSchemaVersion(statement, file);
  }

  static void checkSchemaVersion(Statement statement, Path file)
      throws SQLException, InvalidInputException {
    String version;
    try (ResultSet rs =
        statement.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
      version = rs.next() ? rs.getString(1) : "none";
    } catch (SQLException e) {
      if (e.getMessage() == null || !e.getMessage().contains("no such table")) {
        throw e;
      }
      version = "none";
    }
    if (version.equals("none")) {
      throw new InvalidInputException(
          file
              + ": not a temper advisory database (it has no schema version); delete it or give"
              + " another --db");
    }
    if (!version.equals(String.valueOf(SCHEMA_VERSION))) {
      throw new InvalidInputException(
          file
              + ": advisory database schema version "
              + version
              + ", expected "
              + SCHEMA_VERSION
              + "; delete the file and import again");
    }
  }

  /** Returns the database file. */
  public Path file() {
    return file;
  }

  /**
   * Starts an import into a copy of the store, waiting while another import into the same file
   * runs. {@link ImportSession#commit()} replaces the file with the copy and points this store at
   * it. Closing the session without committing deletes the copy and leaves the file as it was.
   *
   * @throws IOException if the directory, the lock or the copy cannot be written
   */
  public ImportSession beginImport() throws IOException, InvalidInputException {
    StagedStore staged = StagedStore.begin(file);
    try {
      return new ImportSession(staged, clock, this::reopen);
    } catch (SQLException e) {
      staged.close();
      throw failure("start an import", e);
    }
  }

  /** Reads the file again after an import replaced it. */
  private void reopen() throws InvalidInputException {
    close();
    connect();
  }

  /** Returns the metadata of each imported source, in the order of {@link AdvisorySource}. */
  public List<SourceStatus> status() throws InvalidInputException {
    List<SourceStatus> statuses = new ArrayList<>();
    if (connection == null) {
      return List.of();
    }
    String sql = "SELECT imported_at, record_count, newest_modified FROM sources WHERE name = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (AdvisorySource source : AdvisorySource.values()) {
        statement.setString(1, source.id());
        try (ResultSet rs = statement.executeQuery()) {
          if (rs.next()) {
            Optional<Instant> newest = Optional.ofNullable(rs.getString(3)).map(Instant::parse);
            statuses.add(
                new SourceStatus(source, Instant.parse(rs.getString(1)), rs.getLong(2), newest));
          }
        }
      }
    } catch (SQLException e) {
      throw failure("read the source metadata", e);
    }
    return List.copyOf(statuses);
  }

  /**
   * Returns the affected entries of advisories that are not withdrawn for one package.
   *
   * @param release the release number for Debian, or empty for Maven
   * @param name the Debian source package or the Maven {@code groupId:artifactId}
   */
  public List<StoredEntry> lookup(Ecosystem ecosystem, String release, String name)
      throws InvalidInputException {
    List<StoredEntry> entries = new ArrayList<>();
    if (connection == null) {
      return List.of();
    }
    try {
      if (lookup == null) {
        lookup = connection.prepareStatement(LOOKUP);
      }
      lookup.setString(1, ecosystem.name());
      lookup.setString(2, release);
      lookup.setString(3, name);
      try (ResultSet rs = lookup.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs, ecosystem, release, name));
        }
      }
    } catch (SQLException e) {
      throw failure("look up " + name, e);
    }
    return List.copyOf(entries);
  }

  private static StoredEntry entry(ResultSet rs, Ecosystem ecosystem, String release, String name)
      throws SQLException {
    AffectedPackage affected =
        new AffectedPackage(
            ecosystem,
            release,
            name,
            StoreCodec.strings(rs.getString(6)),
            StoreCodec.ranges(rs.getString(7)),
            StoreCodec.strings(rs.getString(8)),
            FixStatus.valueOf(rs.getString(9)),
            Severity.valueOf(rs.getString(10)));
    return new StoredEntry(
        AdvisorySource.fromId(rs.getString(1)),
        rs.getString(2),
        StoreCodec.strings(rs.getString(3)),
        rs.getString(4),
        Severity.valueOf(rs.getString(5)),
        affected);
  }

  private InvalidInputException failure(String action, SQLException e) {
    return new InvalidInputException(
        "advisory database " + file + ": cannot " + action + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws InvalidInputException {
    try {
      if (lookup != null) {
        lookup.close();
        lookup = null;
      }
      if (connection != null) {
        connection.close();
        connection = null;
      }
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }
}
