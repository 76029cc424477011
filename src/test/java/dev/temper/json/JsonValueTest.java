package dev.temper.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonValueTest {
  private static JsonValue parse(String json) throws Exception {
    return JsonValue.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void pathsReachNestedValues() throws Exception {
    JsonValue root = parse("{\"errors\":[{\"code\":\"DENIED\",\"detail\":{\"n\":3}}]}");

    assertThat(root.path("errors").path(0).path("code").asText("")).isEqualTo("DENIED");
    assertThat(root.path("errors").path(0).path("detail").path("n").asLong(0)).isEqualTo(3);
  }

  @Test
  void absentPathsGiveTheFallback() throws Exception {
    JsonValue root = parse("{\"a\":null,\"b\":[1],\"c\":{}}");

    assertThat(root.path("x").isMissing()).isTrue();
    assertThat(root.path("a").isMissing()).isFalse();
    assertThat(root.path("a").asText("none")).isEqualTo("none");
    assertThat(root.path("b").path(1).asText("none")).isEqualTo("none");
    assertThat(root.path("b").path(-1).isMissing()).isTrue();
    assertThat(root.path("c").asText("none")).isEqualTo("none");
    assertThat(root.path("b").path("x").isMissing()).isTrue();
  }

  @Test
  void scalarsReadAsText() throws Exception {
    JsonValue root = parse("{\"n\":3600,\"f\":1.5,\"t\":true,\"s\":\"x\"}");

    assertThat(root.path("n").asText("")).isEqualTo("3600");
    assertThat(root.path("f").asText("")).isEqualTo("1.5");
    assertThat(root.path("t").asText("")).isEqualTo("true");
    assertThat(root.path("s").isString()).isTrue();
    assertThat(root.path("n").isString()).isFalse();
  }

  @Test
  void longsAcceptWholeNumbersOnly() throws Exception {
    JsonValue root = parse("{\"n\":60,\"s\":\"120\",\"f\":1.5,\"big\":1e30,\"word\":\"soon\"}");

    assertThat(root.path("n").asLong(0)).isEqualTo(60);
    assertThat(root.path("s").asLong(0)).isEqualTo(120);
    assertThat(root.path("f").asLong(-1)).isEqualTo(-1);
    assertThat(root.path("big").asLong(-1)).isEqualTo(-1);
    assertThat(root.path("word").asLong(-1)).isEqualTo(-1);
  }

  @Test
  void fieldsKeepDocumentOrder() throws Exception {
    JsonValue root = parse("{\"b\":1,\"a\":2,\"c\":3}");

    assertThat(root.fields().keySet()).containsExactly("b", "a", "c");
    assertThat(root.path("b").fields()).isEmpty();
    assertThat(root.elements()).isEmpty();
  }

  @Test
  void emptyDocumentIsMissing() throws Exception {
    assertThat(parse("").isMissing()).isTrue();
    assertThat(parse("  \n").isMissing()).isTrue();
  }

  @Test
  void duplicateKeyIsRejected() {
    assertThatThrownBy(() -> parse("{\"auths\":{},\"auths\":{}}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'auths'");
  }

  @Test
  void trailingContentIsRejected() {
    assertThatThrownBy(() -> parse("{} {}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("unexpected content after the document's value");
  }

  @Test
  void deepNestingIsRejected() {
    assertThatThrownBy(() -> parse("[".repeat(65) + "]".repeat(65)))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void oversizedDocumentIsRejected() {
    byte[] big = new byte[JsonParsers.MAX_DOCUMENT_BYTES + 10];
    big[0] = '"';
    java.util.Arrays.fill(big, 1, big.length - 1, (byte) 'a');
    big[big.length - 1] = '"';

    assertThatThrownBy(() -> JsonValue.parse(big)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void brokenJsonIsRejected() {
    assertThatThrownBy(() -> parse("{\"a\":")).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> parse("{\"a\" 1}")).isInstanceOf(JsonProcessingException.class);
  }
}
