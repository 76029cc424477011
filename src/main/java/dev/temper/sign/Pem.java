package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One PEM block (RFC 7468): its label and the bytes it encodes. */
record Pem(String type, byte[] bytes) {
  /** Key files larger than this are rejected before parsing; real ones are under 2 KiB. */
  static final int MAX_FILE_BYTES = 64 * 1024;

  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]{1,64})-----\\r?\\n([A-Za-z0-9+/=\\r\\n]*?)-----END \\1-----");

  /**
   * Parses the first PEM block of {@code text}, which must be the only block.
   *
   * @param source the file name or description used in error messages
   */
  static Pem parse(byte[] content, String source) throws InvalidInputException {
    if (content.length > MAX_FILE_BYTES) {
      throw new InvalidInputException(
          source + ": key file is " + content.length + " bytes, the maximum is " + MAX_FILE_BYTES);
    }
    String text = new String(content, StandardCharsets.US_ASCII);
    Matcher matcher = BLOCK.matcher(text);
    if (!matcher.find()) {
      throw new InvalidInputException(source + ": no PEM block found (expected -----BEGIN ...)");
    }
    String type = matcher.group(1);
    String body = matcher.group(2).replaceAll("[\\r\\n]", "");
    if (matcher.find()) {
      throw new InvalidInputException(source + ": more than one PEM block; expected one key");
    }
    try {
      return new Pem(type, Base64.getDecoder().decode(body));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(source + ": invalid base64 in PEM block " + type, e);
    }
  }

  /** Encodes the block with 64-character lines and a final newline. */
  String encode() {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(bytes);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
