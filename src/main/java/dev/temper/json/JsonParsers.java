package dev.temper.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Opens Jackson streaming parsers and generators for the small JSON documents that come from
 * registries and image layouts. The streaming API needs none of the data-binding classes, whose
 * first use took about 0.1 s of CPU in a fresh JVM on a 2-core test machine, so commands that only
 * move images never load them.
 */
public final class JsonParsers {
  /** The largest document accepted, the limit that registries apply to manifests. */
  public static final int MAX_DOCUMENT_BYTES = 4 << 20;

  /** The deepest nesting accepted. OCI documents nest four or five levels deep. */
  public static final int MAX_NESTING_DEPTH = 64;

  // A document with a key twice can mean one thing to this parser and another to the next one, so
  // duplicate keys are rejected.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxDocumentLength(MAX_DOCUMENT_BYTES)
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .build())
          .build();

  private JsonParsers() {}

  /** Opens a parser over a whole document. */
  public static JsonParser open(byte[] json) throws IOException {
    return FACTORY.createParser(json);
  }

  /** Opens a compact UTF-8 generator that writes to {@code out}. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out);
  }
}
