package dev.temper.vuln;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One import into the store, run as a single SQLite transaction on a copy of the store file: either
 * every record it adds becomes visible at {@link #commit()}, which renames the copy over the file,
 * or none does and the file is never written. Within it, each input document runs under a
 * savepoint, so a document that turns out to be malformed halfway can be dropped while the rest of
 * the import goes on.
 */
public final class ImportSession implements AutoCloseable {
  private static final String INSERT_ADVISORY =
      "INSERT OR REPLACE INTO advisories(source, id, aliases, related, summary, modified_ms,"
          + " withdrawn, severity, cvss) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_AFFECTED =
      "INSERT INTO affected(source, advisory_id, ecosystem, release, package, binaries, ranges,"
          + " versions, unfixed_status, severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Runs after the copy replaced the store file. */
  @FunctionalInterface
  interface Published {
    void run() throws InvalidInputException;
  }

  private final StagedStore staged;
  private final Connection connection;
  private final Clock clock;
  private final Published published;
  private final PreparedStatement insertAdvisory;
  private final PreparedStatement insertAffected;
  private final PreparedStatement deleteAffected;
  private final PreparedStatement markSeen;
  private final Set<AdvisorySource> touched = EnumSet.noneOf(AdvisorySource.class);
  private boolean finished;
  private boolean statementsClosed;

  ImportSession(StagedStore staged, Clock clock, Published published) throws SQLException {
    this.staged = staged;
    this.connection = staged.connection();
    this.clock = clock;
    this.published = published;
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TEMP TABLE IF NOT EXISTS seen(source TEXT, id TEXT, PRIMARY KEY(source, id))");
      statement.execute("DELETE FROM seen");
    }
    insertAdvisory = connection.prepareStatement(INSERT_ADVISORY);
    insertAffected = connection.prepareStatement(INSERT_AFFECTED);
    deleteAffected =
        connection.prepareStatement("DELETE FROM affected WHERE source = ? AND advisory_id = ?");
    markSeen = connection.prepareStatement("INSERT OR IGNORE INTO seen(source, id) VALUES (?, ?)");
  }

  /**
   * Stores {@code advisory}, replacing every earlier record of the source with the same id. OSV
   * records are complete, so each one replaces its predecessor.
   */
  public void replace(AdvisorySource source, Advisory advisory) throws InvalidInputException {
    try {
      markSeen(source, advisory.id());
      deleteAffected(source, advisory.id());
      insert(source, advisory);
    } catch (SQLException e) {
      throw failure("store " + advisory.id(), e);
    }
  }

  /**
   * Adds the affected packages of {@code advisory} to a record that this import may already have
   * started. The Debian tracker lists one CVE under each package it affects, so the first part of a
   * CVE seen in this import replaces the stored record and later parts extend it.
   */
  public void merge(AdvisorySource source, Advisory advisory) throws InvalidInputException {
    try {
      if (markSeen(source, advisory.id())) {
        deleteAffected(source, advisory.id());
        insert(source, advisory);
      } else {
        insertAffected(source, advisory);
      }
    } catch (SQLException e) {
      throw failure("store " + advisory.id(), e);
    }
  }

  /** Marks the start of one input document, which {@link #dropDocument()} can undo. */
  public void beginDocument() throws InvalidInputException {
    execute("SAVEPOINT document");
  }

  /** Keeps what the current document stored. */
  public void keepDocument() throws InvalidInputException {
    execute("RELEASE SAVEPOINT document");
  }

  /** Undoes what the current document stored, keeping the rest of the import. */
  public void dropDocument() throws InvalidInputException {
    execute("ROLLBACK TO SAVEPOINT document");
    execute("RELEASE SAVEPOINT document");
  }

  /**
   * Updates the metadata of each source this import touched, commits, and replaces the store file
   * with the copy.
   *
   * @throws IOException if the copy cannot be forced to disk or renamed
   */
  public void commit() throws IOException, InvalidInputException {
    try {
      Instant now = clock.instant();
      for (AdvisorySource source : touched) {
        updateMetadata(source, now);
      }
      connection.commit();
      closeStatements();
    } catch (SQLException e) {
      throw failure("commit", e);
    }
    staged.publish();
    finished = true;
    published.run();
  }

  /**
   * Ends the import. Unless {@link #commit()} succeeded, this rolls back and deletes the copy, so
   * the store file stays as it was.
   */
  @Override
  public void close() throws IOException, InvalidInputException {
    try {
      if (!finished && !statementsClosed) {
        connection.rollback();
        closeStatements();
      }
    } catch (SQLException e) {
      throw failure("end the import", e);
    } finally {
      staged.close();
    }
  }

  private void closeStatements() throws SQLException {
    statementsClosed = true;
    insertAdvisory.close();
    insertAffected.close();
    deleteAffected.close();
    markSeen.close();
  }

  private boolean markSeen(AdvisorySource source, String id) throws SQLException {
    touched.add(source);
    markSeen.setString(1, source.id());
    markSeen.setString(2, id);
    return markSeen.executeUpdate() == 1;
  }

  private void deleteAffected(AdvisorySource source, String id) throws SQLException {
    deleteAffected.setString(1, source.id());
    deleteAffected.setString(2, id);
    deleteAffected.executeUpdate();
  }

  private void insert(AdvisorySource source, Advisory advisory) throws SQLException {
    insertAdvisory.setString(1, source.id());
    insertAdvisory.setString(2, advisory.id());
    insertAdvisory.setString(3, StoreCodec.strings(advisory.aliases()));
    insertAdvisory.setString(4, StoreCodec.strings(advisory.related()));
    insertAdvisory.setString(5, advisory.summary());
    if (advisory.modified().isPresent()) {
      insertAdvisory.setLong(6, advisory.modified().get().toEpochMilli());
    } else {
      insertAdvisory.setNull(6, java.sql.Types.INTEGER);
    }
    insertAdvisory.setInt(7, advisory.withdrawn() ? 1 : 0);
    insertAdvisory.setString(8, advisory.severity().name());
    insertAdvisory.setString(9, advisory.cvssVector());
    insertAdvisory.executeUpdate();
    insertAffected(source, advisory);
  }

  private void insertAffected(AdvisorySource source, Advisory advisory) throws SQLException {
    for (AffectedPackage affected : advisory.affected()) {
      insertAffected.setString(1, source.id());
      insertAffected.setString(2, advisory.id());
      insertAffected.setString(3, affected.ecosystem().name());
      insertAffected.setString(4, affected.release());
      insertAffected.setString(5, affected.name());
      insertAffected.setString(6, StoreCodec.strings(affected.binaries()));
      insertAffected.setString(7, StoreCodec.ranges(affected.ranges()));
      insertAffected.setString(8, StoreCodec.strings(affected.versions()));
      insertAffected.setString(9, affected.unfixedStatus().name());
      insertAffected.setString(10, affected.severity().name());
      insertAffected.executeUpdate();
    }
  }

  private void updateMetadata(AdvisorySource source, Instant now) throws SQLException {
    long count;
    String newest = null;
    String query = "SELECT count(*), max(modified_ms) FROM advisories WHERE source = ?";
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, source.id());
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        count = rs.getLong(1);
        long millis = rs.getLong(2);
        if (!rs.wasNull()) {
          newest = Instant.ofEpochMilli(millis).toString();
        }
      }
    }
    String insert =
        "INSERT OR REPLACE INTO sources(name, imported_at, record_count, newest_modified)"
            + " VALUES (?, ?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setString(1, source.id());
      statement.setString(2, now.toString());
      statement.setLong(3, count);
      statement.setString(4, newest);
      statement.executeUpdate();
    }
  }

  private void execute(String sql) throws InvalidInputException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  private static InvalidInputException failure(String action, SQLException e) {
    return new InvalidInputException(
        "advisory import failed to " + action + ": " + e.getMessage(), e);
  }
}
