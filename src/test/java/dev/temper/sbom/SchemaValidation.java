package dev.temper.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.List;

/** Validates documents against the official schemas bundled under test resources, offline. */
final class SchemaValidation {
  private static final String RESOURCES = "classpath:dev/temper/sbom/schema/";

  private SchemaValidation() {}

  /** Returns the schema errors of a CycloneDX 1.6 document, empty when it is valid. */
  static List<String> cycloneDx(byte[] json) throws IOException {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder ->
                builder.schemaIdResolvers(
                    resolvers -> resolvers.mapPrefix("http://cyclonedx.org/schema/", RESOURCES)));
    Schema schema =
        registry.getSchema(SchemaLocation.of(RESOURCES + "bom-1.6.SNAPSHOT.schema.json"));
    return errors(schema, json);
  }

  /** Returns the schema errors of an SPDX 2.3 document, empty when it is valid. */
  static List<String> spdx(byte[] json) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
    Schema schema = registry.getSchema(SchemaLocation.of(RESOURCES + "spdx-schema-v2.3.json"));
    return errors(schema, json);
  }

  private static List<String> errors(Schema schema, byte[] json) throws IOException {
    JsonNode document = new ObjectMapper().readTree(json);
    return schema.validate(document).stream().map(Error::toString).toList();
  }
}
