package dev.temper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.List;

/**
 * Validates documents against the official schemas kept under {@code src/test/resources/schemas},
 * offline; the README there names where each schema came from.
 */
public final class JsonSchemas {
  private static final String RESOURCES = "classpath:schemas/";

  private JsonSchemas() {}

  /** Returns the schema errors of a CycloneDX 1.6 document, empty when it is valid. */
  public static List<String> cycloneDx(byte[] json) throws IOException {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder ->
                builder.schemaIdResolvers(
                    resolvers ->
                        resolvers.mapPrefix(
                            "http://cyclonedx.org/schema/", RESOURCES + "cyclonedx/")));
    return errors(
        registry.getSchema(SchemaLocation.of(RESOURCES + "cyclonedx/bom-1.6.SNAPSHOT.schema.json")),
        json);
  }

  /** Returns the schema errors of an SPDX 2.3 document, empty when it is valid. */
  public static List<String> spdx(byte[] json) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
    return errors(
        registry.getSchema(SchemaLocation.of(RESOURCES + "spdx/spdx-schema-v2.3.json")), json);
  }

  /** Returns the schema errors of a SARIF 2.1.0 log, empty when it is valid. */
  public static List<String> sarif(byte[] json) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    return errors(
        registry.getSchema(SchemaLocation.of(RESOURCES + "sarif/sarif-2.1.0-rtm.5.json")), json);
  }

  private static List<String> errors(Schema schema, byte[] json) throws IOException {
    JsonNode document = new ObjectMapper().readTree(json);
    return schema.validate(document).stream().map(Error::toString).toList();
  }
}
