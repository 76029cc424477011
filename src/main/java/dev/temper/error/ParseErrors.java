package dev.temper.error;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.security.cert.CertificateException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Builds the messages for JSON and YAML documents that Jackson could not read: the input, the line
 * and column, and a short reason. Jackson's own messages name Java types and carry a {@code
 * [Source: ...]} excerpt, which mean nothing to a user of the command line.
 */
public final class ParseErrors {
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern CHARACTER = Pattern.compile("\\('(.{1,2})' \\(code \\d+\\)\\)");
  private static final Pattern CONTROL = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
  private static final Pattern LIMIT = Pattern.compile(", from `[^`]*`");
  private static final Pattern DUPLICATE =
      Pattern.compile("^Duplicate (?:field|Object property) ['\"](.*?)['\"]");
  private static final Pattern TOKEN = Pattern.compile("Unrecognized token '[^']*'");
  private static final String NO_CONTENT = "No content to map";

  private ParseErrors() {}

  /**
   * Creates the error for a document that could not be read, such as {@code spec.yaml: invalid YAML
   * at line 3, column 7: duplicate key 'name'}.
   *
   * @param source the file or input, named first in the message
   * @param document what the input should be, such as {@code "lock file"}, named when the text is
   *     well-formed but a value does not fit
   * @param failure the exception from Jackson
   */
  public static InvalidInputException invalid(
      Object source, String document, JsonProcessingException failure) {
    return new InvalidInputException(source + ": " + describe(document, failure, false), failure);
  }

  /**
   * Creates the same error as {@link #invalid} but leaves out the unrecognized token that Jackson
   * quotes, for files that contain passwords or tokens, such as a docker {@code config.json}: an
   * unquoted password is such a token.
   */
  public static InvalidInputException invalidSecret(
      Object source, String document, JsonProcessingException failure) {
    return new InvalidInputException(source + ": " + describe(document, failure, true), failure);
  }

  /**
   * Returns the problem without the input's name, such as {@code invalid JSON at line 2, column 5:
   * unexpected character ','}.
   */
  public static String describe(String document, JsonProcessingException failure) {
    return describe(document, failure, false);
  }

  /** Returns where the problem is and the short reason, such as {@code line 2, column 5: ...}. */
  public static String locatedReason(JsonProcessingException failure) {
    JsonProcessingException cause = unwrap(failure);
    String location = location(cause);
    String reason = reason(cause, false);
    return location.isEmpty() ? reason : location + ": " + reason;
  }

  private static String describe(String document, JsonProcessingException failure, boolean secret) {
    JsonProcessingException cause = unwrap(failure);
    String kind = cause instanceof JsonMappingException ? document : syntax(cause);
    if (DUPLICATE.matcher(String.valueOf(cause.getOriginalMessage())).find()) {
      kind = syntax(cause);
    }
    String location = location(cause);
    return "invalid "
        + kind
        + (location.isEmpty() ? "" : " at " + location)
        + ": "
        + reason(cause, secret);
  }

  /**
   * Returns the syntax error inside a mapping error. Jackson wraps a syntax error met inside a
   * nested value in a plain {@link JsonMappingException} whose message repeats the source excerpt.
   */
  private static JsonProcessingException unwrap(JsonProcessingException failure) {
    JsonProcessingException current = failure;
    while (current.getClass() == JsonMappingException.class
        && current.getCause() instanceof JsonProcessingException inner) {
      current = inner;
    }
    return current;
  }

  private static String syntax(JsonProcessingException failure) {
    return failure.getProcessor() instanceof YAMLParser
            || failure instanceof JacksonYAMLParseException
        ? "YAML"
        : "JSON";
  }

  /** Returns SnakeYAML's syntax error, which has the place and the problem apart, or null. */
  private static MarkedYAMLException yamlSyntax(JsonProcessingException failure) {
    return failure instanceof JacksonYAMLParseException
            && failure.getCause() instanceof MarkedYAMLException marked
        ? marked
        : null;
  }

  /** Returns {@code line L, column C}, 1-based, or empty when Jackson did not record a place. */
  private static String location(JsonProcessingException failure) {
    int line;
    int column;
    MarkedYAMLException yaml = yamlSyntax(failure);
    if (yaml != null && yaml.getProblemMark() != null) {
      line = yaml.getProblemMark().getLine() + 1;
      column = yaml.getProblemMark().getColumn() + 1;
    } else {
      JsonLocation location = failure.getLocation();
      line = location == null ? -1 : location.getLineNr();
      column = location == null ? -1 : location.getColumnNr();
    }
    if (line <= 0 || String.valueOf(failure.getOriginalMessage()).startsWith(NO_CONTENT)) {
      return "";
    }
    return column <= 0 ? "line " + line : "line " + line + ", column " + column;
  }

  private static String reason(JsonProcessingException failure, boolean secret) {
    String original = String.valueOf(failure.getOriginalMessage());
    Matcher duplicate = DUPLICATE.matcher(original);
    if (duplicate.find()) {
      return "duplicate key '" + duplicate.group(1) + "'";
    }
    if (yamlSyntax(failure) != null) {
      return yamlReason(yamlSyntax(failure));
    }
    if (failure instanceof UnrecognizedPropertyException unknown) {
      List<JsonMappingException.Reference> parent = unknown.getPath();
      if (!parent.isEmpty()) {
        parent = parent.subList(0, parent.size() - 1);
      }
      String name = "unknown field '" + unknown.getPropertyName() + "'";
      return parent.isEmpty() ? name : name + " in " + field(parent);
    }
    if (failure instanceof MismatchedInputException mismatch) {
      return mismatch(mismatch, original);
    }
    if (failure instanceof JsonMappingException mapping) {
      return invalidValue(mapping);
    }
    return plain(original, secret);
  }

  private static String yamlReason(MarkedYAMLException yaml) {
    String problem = String.valueOf(yaml.getProblem());
    Mark mark = yaml.getContextMark();
    if (yaml.getContext() == null || mark == null) {
      return problem;
    }
    return problem
        + " ("
        + yaml.getContext()
        + " at line "
        + (mark.getLine() + 1)
        + ", column "
        + (mark.getColumn() + 1)
        + ")";
  }

  private static String mismatch(MismatchedInputException mismatch, String original) {
    if (original.startsWith(NO_CONTENT)) {
      return "the document is empty";
    }
    List<JsonMappingException.Reference> path = mismatch.getPath();
    String subject = path.isEmpty() ? "the document" : "field " + field(path);
    String expected = expected(mismatch.getTargetType(), syntax(mismatch));
    return subject + " has the wrong type" + (expected.isEmpty() ? "" : ", expected " + expected);
  }

  private static String invalidValue(JsonMappingException mapping) {
    List<JsonMappingException.Reference> path = mapping.getPath();
    String subject = path.isEmpty() ? "invalid value" : "invalid field " + field(path);
    Throwable cause = mapping.getCause();
    if (cause != null && !(cause instanceof JacksonException) && cause.getMessage() != null) {
      return subject + ": " + cause.getMessage();
    }
    return subject;
  }

  /** Returns a quoted path such as {@code 'packages[2].sha256'}. */
  private static String field(List<JsonMappingException.Reference> path) {
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        text.append('[').append(step.getIndex()).append(']');
      }
    }
    return "'" + text + "'";
  }

  private static String expected(Class<?> type, String syntax) {
    if (type == null) {
      return "";
    }
    if ((type.isPrimitive() && type != boolean.class) || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      return "a string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return syntax.equals("YAML") ? "a mapping" : "an object";
    }
    return "";
  }

  /**
   * Creates the error for a certificate file that the JDK could not parse. The JDK's reasons name
   * ASN.1 internals such as {@code Invalid lenByte}, so only a damaged base64 body is named.
   *
   * @param source the file or entry, named first in the message
   */
  public static InvalidInputException invalidCertificate(
      Object source, CertificateException failure) {
    String message = source + ": invalid certificate: not a valid PEM or DER X.509 certificate";
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains("Illegal base64 character")) {
        message += " (the PEM body is not valid base64)";
        break;
      }
    }
    return new InvalidInputException(message, failure);
  }

  /** Rewrites Jackson's syntax message in plain words, on one line. */
  private static String plain(String original, boolean secret) {
    String text = original.lines().findFirst().orElse("unreadable input");
    text = SOURCE.matcher(text).replaceAll("line $1, column $2");
    text = text.replace("start marker at line", "opened at line");
    text = CHARACTER.matcher(text).replaceAll("'$1'");
    text = CONTROL.matcher(text).replaceAll("(control character $1)");
    text = LIMIT.matcher(text).replaceAll("");
    if (secret) {
      text = TOKEN.matcher(text).replaceAll("Unrecognized token");
    }
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
