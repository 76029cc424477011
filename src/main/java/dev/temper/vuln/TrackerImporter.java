package dev.temper.vuln;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Imports the Debian security tracker's JSON export, one CVE entry at a time. The export is a
 * single document, so a JSON syntax error anywhere drops all of it and the store keeps the tracker
 * data it had, because a partial export would leave a CVE listed for some packages only.
 */
final class TrackerImporter {
  private final ImportSession session;
  private final ImportReport report;

  TrackerImporter(ImportSession session, ImportReport report) {
    this.session = session;
    this.report = report;
  }

  /** Imports one export file. */
  void importDocument(InputStream in, String name) throws IOException, InvalidInputException {
    session.beginDocument();
    TrackerRecordReader reader = new TrackerRecordReader(name, report);
    long stored = 0;
    String lastId = "";
    try (JsonParser parser = JsonDocuments.open(in)) {
      expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "an object of source packages");
      while (JsonDocuments.next(parser) == JsonToken.FIELD_NAME) {
        String sourcePackage = parser.currentName();
        expect(parser, JsonDocuments.next(parser), JsonToken.START_OBJECT, "an object of CVEs");
        while (JsonDocuments.next(parser) == JsonToken.FIELD_NAME) {
          String cve = parser.currentName();
          JsonDocuments.next(parser);
          Optional<Advisory> advisory =
              reader.read(sourcePackage, cve, JsonDocuments.readRecord(parser));
          lastId = sourcePackage + "/" + cve;
          if (advisory.isPresent()) {
            session.merge(AdvisorySource.DEBIAN_TRACKER, advisory.get());
            stored++;
          }
        }
      }
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "unexpected content after the end of the document");
      }
      session.keepDocument();
      report.recordsStored(AdvisorySource.DEBIAN_TRACKER, stored);
    } catch (JsonProcessingException e) {
      session.dropDocument();
      String where = lastId.isEmpty() ? "" : "after record " + lastId + ", ";
      report.problem(
          name,
          "",
          "malformed JSON, " + where + ParseErrors.locatedReason(e) + "; document skipped");
    }
  }

  private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what)
      throws JsonParseException {
    if (actual != expected) {
      throw new JsonParseException(parser, "expected " + what + ", found " + actual);
    }
  }
}
