package dev.temper.vuln;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streaming JSON input for the importers. A file may be gigabytes long, so it is read token by
 * token and only one record at a time becomes a tree, and no record may exceed {@link
 * #MAX_RECORD_BYTES}. The parser never closes the stream it reads, because zip entries share one.
 */
final class JsonDocuments {
  /** Maximum size of one record in bytes, far above the largest OSV or tracker record. */
  static final long MAX_RECORD_BYTES = 16L << 20;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxStringLength((int) MAX_RECORD_BYTES)
                      .maxNestingDepth(64)
                      .build())
              .build());

  private JsonDocuments() {}

  /** Opens a parser on {@code in}, which stays open when the parser closes. */
  static JsonParser open(InputStream in) throws IOException {
    return MAPPER.getFactory().createParser(in);
  }

  /**
   * Reads the value that starts at the parser's current token as a tree.
   *
   * @throws JsonParseException if the value is malformed or larger than {@link #MAX_RECORD_BYTES}
   */
  static JsonNode readRecord(JsonParser parser) throws IOException {
    SizeLimit limited = new SizeLimit(parser);
    return MAPPER.readTree(limited);
  }

  /**
   * Returns the next token, failing on the end of input, which a valid document never reaches
   * inside a value.
   */
  static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new JsonParseException(parser, "unexpected end of input");
    }
    return token;
  }

  /** A parser that fails once the current record has consumed more than the record limit. */
  private static final class SizeLimit extends JsonParserDelegate {
    private final long start;

    SizeLimit(JsonParser parser) {
      super(parser);
      this.start = parser.currentLocation().getByteOffset();
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = super.nextToken();
      long used = delegate.currentLocation().getByteOffset() - start;
      if (used > MAX_RECORD_BYTES) {
        throw new JsonParseException(
            delegate, "record larger than the limit of " + MAX_RECORD_BYTES + " bytes");
      }
      return token;
    }
  }
}
