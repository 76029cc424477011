package dev.temper.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseErrorsTest {
  record Pin(String name, long size, boolean pinned) {}

  record Lock(int version, List<Pin> packages) {}

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static JsonProcessingException failure(ObjectMapper mapper, String text) {
    return catchThrowableOfType(
        JsonProcessingException.class, () -> mapper.readValue(text, Lock.class));
  }

  private static String json(String text) {
    return ParseErrors.invalid("f.json", "lock file", failure(JSON, text)).getMessage();
  }

  private static String yaml(String text) {
    return ParseErrors.invalid("f.yaml", "spec", failure(YAML, text)).getMessage();
  }

  @Test
  void syntaxErrorsNameLineAndColumn() {
    assertThat(json("{\"version\": 1,,}"))
        .isEqualTo(
            "f.json: invalid JSON at line 1, column 15: unexpected character ',': was expecting"
                + " double-quote to start field name");
    assertThat(json("{\"version\": 1\u0001}"))
        .startsWith("f.json: invalid JSON at line 1, column 15: illegal character (control");
  }

  @Test
  void nestedSyntaxErrorHasNoSourceExcerpt() {
    String message = json("{\"version\": 1,\n \"packages\": [{\"name\": \"x\"");

    assertThat(message)
        .isEqualTo(
            "f.json: invalid JSON at line 2, column 27: unexpected end-of-input: expected close"
                + " marker for Object (opened at line 2, column 15)");
    assertThat(message).doesNotContain("Source:");
    assertThat(message).doesNotContain("REDACTED");
  }

  @Test
  void closeMarkerMessageNamesLine() {
    String message = json("{\"version\": 1]");

    assertThat(message).startsWith("f.json: invalid JSON at line 1, column 14: unexpected close");
    assertThat(message).endsWith("(for Object starting at line 1, column 1)");
  }

  @Test
  void duplicateKeysAreNamed() {
    assertThat(json("{\"version\": 1, \"version\": 2}"))
        .isEqualTo("f.json: invalid JSON at line 1, column 25: duplicate key 'version'");
    assertThat(json("{\"version\": 1, \"packages\": [{\"name\": \"a\", \"name\": \"b\"}]}"))
        .isEqualTo("f.json: invalid JSON at line 1, column 49: duplicate key 'name'");
    assertThat(yaml("version: 1\nversion: 2\n"))
        .isEqualTo("f.yaml: invalid YAML at line 2, column 8: duplicate key 'version'");
    assertThat(yaml("version: 1\npackages:\n  - name: a\n    name: b\n"))
        .isEqualTo("f.yaml: invalid YAML at line 4, column 9: duplicate key 'name'");
  }

  @Test
  void duplicateTreeKeysAreNamed() {
    ObjectMapper trees =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
    JsonProcessingException e =
        catchThrowableOfType(
            JsonProcessingException.class, () -> trees.readTree("{\"a\": 1, \"a\": 2}"));

    assertThat(ParseErrors.describe("document", e)).startsWith("invalid JSON at line 1");
    assertThat(ParseErrors.describe("document", e)).endsWith(": duplicate key 'a'");
  }

  @Test
  void wrongTypesNameFieldPathAndExpectation() {
    assertThat(json("{\"version\": \"x\"}"))
        .isEqualTo(
            "f.json: invalid lock file at line 1, column 13: field 'version' has the wrong type,"
                + " expected a number");
    assertThat(json("{\"version\": 1, \"packages\": [{\"size\": \"big\"}]}"))
        .isEqualTo(
            "f.json: invalid lock file at line 1, column 38: field 'packages[0].size' has the"
                + " wrong type, expected a number");
    assertThat(json("{\"packages\": [{\"pinned\": []}]}"))
        .endsWith("field 'packages[0].pinned' has the wrong type, expected true or false");
    assertThat(json("{\"version\": 1, \"packages\": {}}"))
        .endsWith("field 'packages' has the wrong type, expected a list");
    assertThat(json("{\"packages\": [{\"name\": {}}]}"))
        .endsWith("field 'packages[0].name' has the wrong type, expected a string");
    assertThat(json("[1]"))
        .isEqualTo(
            "f.json: invalid lock file at line 1, column 1: the document has the wrong type,"
                + " expected an object");
    assertThat(yaml("version: 1\npackages: [x]\n"))
        .endsWith("field 'packages[0]' has the wrong type, expected a mapping");
  }

  @Test
  void unknownFieldsNameTheirParent() {
    assertThat(json("{\"version\": 1, \"extra\": 2}"))
        .isEqualTo("f.json: invalid lock file at line 1, column 27: unknown field 'extra'");
    assertThat(json("{\"version\": 1, \"packages\": [{\"other\": 1}]}"))
        .isEqualTo(
            "f.json: invalid lock file at line 1, column 41: unknown field 'other' in"
                + " 'packages[0]'");
    assertThat(yaml("version: 1\nextra: 2\n"))
        .isEqualTo("f.yaml: invalid spec at line 3, column 1: unknown field 'extra'");
  }

  @Test
  void emptyDocumentHasNoLocation() {
    assertThat(json("")).isEqualTo("f.json: invalid lock file: the document is empty");
  }

  @Test
  void yamlSyntaxErrorIsOneLine() {
    String message = yaml("version: 1\n\tpackages: []\n");

    assertThat(message).startsWith("f.yaml: invalid YAML at line 2, column 1: found character");
    assertThat(message).doesNotContain("\n");
    JsonProcessingException open =
        catchThrowableOfType(JsonProcessingException.class, () -> YAML.readTree("version: [1\n"));
    assertThat(ParseErrors.invalid("f.yaml", "spec", open).getMessage())
        .isEqualTo(
            "f.yaml: invalid YAML at line 2, column 1: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence at line 1, column 10)");
  }

  @Test
  void limitsOmitJacksonMethodNames() {
    ObjectMapper shallow = JsonMapper.builder().build();
    shallow
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2).build());
    JsonProcessingException e =
        catchThrowableOfType(JsonProcessingException.class, () -> shallow.readTree("[[[1]]]"));

    String message = ParseErrors.describe("document", e);

    assertThat(message)
        .isEqualTo("invalid JSON: document nesting depth (3) exceeds the maximum allowed (2)");
    assertThat(message).doesNotContain("StreamReadConstraints");
  }

  @Test
  void secretVariantQuotesNoToken() {
    JsonProcessingException e =
        catchThrowableOfType(
            JsonProcessingException.class,
            () -> JSON.readTree("{\"auths\": {\"a\": {\"auth\": c2VjcmV0}}}"));

    String message = ParseErrors.invalidSecret("config.json", "auth file", e).getMessage();

    assertThat(message).startsWith("config.json: invalid JSON at line 1, column ");
    assertThat(message).contains(": unrecognized token: was expecting");
    assertThat(message).doesNotContain("c2VjcmV0");
    assertThat(ParseErrors.invalid("config.json", "auth file", e).getMessage())
        .contains("'c2VjcmV0'");
  }

  @Test
  void locatedReasonStartsWithLine() {
    assertThat(ParseErrors.locatedReason(failure(JSON, "{\"version\": 1,,}")))
        .isEqualTo(
            "line 1, column 15: unexpected character ',': was expecting double-quote to start"
                + " field name");
  }

  @Test
  void certificateErrorsHideAsn1Details() throws Exception {
    String damagedDer =
        "-----BEGIN CERTIFICATE-----\nMIIBAAAAAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----\n";
    String badBase64 = "-----BEGIN CERTIFICATE-----\nMII!AAAA\n-----END CERTIFICATE-----\n";

    assertThat(ParseErrors.invalidCertificate("ca.pem", certificateFailure(damagedDer)))
        .hasMessage("ca.pem: invalid certificate: not a valid PEM or DER X.509 certificate");
    assertThat(ParseErrors.invalidCertificate("ca.pem", certificateFailure(badBase64)))
        .hasMessage(
            "ca.pem: invalid certificate: not a valid PEM or DER X.509 certificate (the PEM"
                + " body is not valid base64)");
  }

  private static CertificateException certificateFailure(String pem) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    return catchThrowableOfType(
        CertificateException.class,
        () ->
            factory.generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
  }
}
