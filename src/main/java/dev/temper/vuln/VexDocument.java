package dev.temper.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of an OpenVEX v0.2.0 document. A {@code not_affected} or {@code fixed} statement
 * suppresses the findings of its vulnerability (by name or alias) in components whose purl one of
 * its products or subcomponents covers. When several statements apply, the last one in the document
 * decides, so a later {@code affected} statement lifts an earlier suppression.
 */
public final class VexDocument {
  /** Maximum size of a VEX document, which is read whole. */
  static final long MAX_BYTES = 32L << 20;

  /** Rejects duplicate keys, because JSON readers differ on which of them counts. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private record Statement(
      List<String> vulnerabilities, List<Purl> products, String status, String detail) {}

  private final String file;
  private final List<Statement> statements;

  private VexDocument(String file, List<Statement> statements) {
    this.file = file;
    this.statements = List.copyOf(statements);
  }

  /**
   * Reads an OpenVEX document.
   *
   * @throws InvalidInputException if the file is not JSON, too large, not OpenVEX, or a statement
   *     lacks its vulnerability, products or status
   */
  public static VexDocument read(Path file) throws IOException, InvalidInputException {
    if (Files.size(file) > MAX_BYTES) {
      throw new InvalidInputException(file + ": VEX document larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw ParseErrors.invalid(file, "VEX document", e);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": invalid VEX document: " + e.getMessage(), e);
    }
    if (!root.path("@context").asText("").startsWith("https://openvex.dev/ns")) {
      throw new InvalidInputException(file + ": not an OpenVEX document (no openvex @context)");
    }
    List<Statement> statements = new ArrayList<>();
    int index = 0;
    for (JsonNode statement : root.path("statements")) {
      statements.add(statement(file, index++, statement));
    }
    return new VexDocument(file.toString(), statements);
  }

  private static Statement statement(Path file, int index, JsonNode node)
      throws InvalidInputException {
    String where = file + ": statement " + index;
    JsonNode vulnerability = node.path("vulnerability");
    List<String> names = new ArrayList<>();
    if (vulnerability.isTextual()) {
      names.add(vulnerability.asText());
    } else {
      names.add(vulnerability.path("name").asText(""));
      vulnerability.path("aliases").forEach(alias -> names.add(alias.asText()));
    }
    names.removeIf(String::isBlank);
    if (names.isEmpty()) {
      throw new InvalidInputException(where + " has no vulnerability name");
    }
    List<Purl> products = new ArrayList<>();
    for (JsonNode product : node.path("products")) {
      addPurl(products, product);
      product.path("subcomponents").forEach(sub -> addPurl(products, sub));
    }
    String status = node.path("status").asText("");
    if (!List.of("not_affected", "affected", "fixed", "under_investigation").contains(status)) {
      throw new InvalidInputException(where + " has an invalid status '" + status + "'");
    }
    String detail = node.path("justification").asText(node.path("impact_statement").asText(""));
    return new Statement(names, products, status, detail);
  }

  private static void addPurl(List<Purl> products, JsonNode product) {
    String id = product.isTextual() ? product.asText() : product.path("@id").asText("");
    Purl.parse(id).ifPresent(products::add);
    Purl.parse(product.path("identifiers").path("purl").asText("")).ifPresent(products::add);
  }

  /** Returns why {@code finding} is suppressed, or empty if no statement suppresses it. */
  Optional<String> suppression(Finding finding) {
    Optional<Purl> purl = Purl.parse(finding.component().purl());
    if (purl.isEmpty()) {
      return Optional.empty();
    }
    Statement decisive = null;
    for (Statement statement : statements) {
      boolean names = statement.vulnerabilities().stream().anyMatch(finding::isKnownAs);
      boolean covers =
          statement.products().stream().anyMatch(product -> product.covers(purl.get()));
      if (names && covers) {
        decisive = statement;
      }
    }
    if (decisive == null || !List.of("not_affected", "fixed").contains(decisive.status())) {
      return Optional.empty();
    }
    String detail = decisive.detail().isEmpty() ? "" : ": " + decisive.detail();
    return Optional.of("VEX " + decisive.status() + detail + " (" + file + ")");
  }
}
