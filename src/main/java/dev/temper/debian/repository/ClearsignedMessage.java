package dev.temper.debian.repository;

import dev.temper.error.TrustException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenPGP cleartext signed message (RFC 4880 section 7) split into its parts. The parser follows
 * the splitting in apt's apt-pkg/contrib/gpgv.cc, which is stricter than the RFC. The file must
 * start with the message, every line of the text that starts with a dash must be dash-escaped, and
 * only further signature blocks may follow the first signature block. Beyond apt, armor headers
 * other than {@code Hash} are rejected.
 *
 * @param hashAlgorithms the names listed by the {@code Hash} armor headers, such as {@code SHA256},
 *     in upper case, or empty when the message has no {@code Hash} header
 * @param signedText the canonical text that the signatures cover: dash-escaping undone, trailing
 *     spaces and tabs removed from each line, lines joined by CRLF, no line end after the last line
 * @param signatureBlocks each ASCII-armored signature block, from its BEGIN to its END line
 */
record ClearsignedMessage(
    List<String> hashAlgorithms, byte[] signedText, List<byte[]> signatureBlocks) {
  static final String BEGIN_MESSAGE = "-----BEGIN PGP SIGNED MESSAGE-----";
  static final String BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";
  static final String END_SIGNATURE = "-----END PGP SIGNATURE-----";
  private static final Pattern HASH_HEADER =
      Pattern.compile("Hash: *([A-Za-z0-9-]+(?: *, *[A-Za-z0-9-]+)*)");

  /**
   * Splits a cleartext signed message.
   *
   * @throws TrustException naming the file when it is not a cleartext signed message, when data
   *     comes before or after the signed message, or when its structure is malformed
   */
  static ClearsignedMessage parse(byte[] data, String displayName) throws TrustException {
    List<String> lines = lines(data);
    if (lines.isEmpty() || !lines.get(0).equals(BEGIN_MESSAGE)) {
      if (lines.contains(BEGIN_MESSAGE)) {
        throw new TrustException(
            displayName + ": contains data before the signed message, which must start the file");
      }
      throw new TrustException(displayName + ": not signed, expected a " + BEGIN_MESSAGE + " line");
    }
    List<String> hashAlgorithms = new ArrayList<>();
    int index = readArmorHeaders(lines, hashAlgorithms, displayName);
    List<String> text = new ArrayList<>();
    index = readText(lines, index, text, displayName);
    List<byte[]> blocks = new ArrayList<>();
    readSignatureBlocks(lines, index, blocks, displayName);
    byte[] signedText = String.join("\r\n", text).getBytes(StandardCharsets.ISO_8859_1);
    return new ClearsignedMessage(List.copyOf(hashAlgorithms), signedText, List.copyOf(blocks));
  }

  /**
   * Splits the input into lines without their line ends and trailing whitespace. ISO-8859-1 maps
   * every byte to one char and back, so the signed bytes survive unchanged whatever their encoding.
   */
  private static List<String> lines(byte[] data) {
    String all = new String(data, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>(List.of(all.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    lines.replaceAll(ClearsignedMessage::stripTrailingWhitespace);
    return lines;
  }

  private static String stripTrailingWhitespace(String line) {
    int end = line.length();
    while (end > 0 && " \t\r".indexOf(line.charAt(end - 1)) >= 0) {
      end--;
    }
    return line.substring(0, end);
  }

  private static int readArmorHeaders(List<String> lines, List<String> hashes, String displayName)
      throws TrustException {
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        return i + 1;
      }
      Matcher matcher = HASH_HEADER.matcher(line);
      if (!matcher.matches()) {
        throw malformed(displayName, i, "unexpected armor header '" + line + "'");
      }
      for (String name : matcher.group(1).split(",")) {
        hashes.add(name.strip().toUpperCase(Locale.ROOT));
      }
    }
    throw new TrustException(displayName + ": truncated, the signed message has no text");
  }

  private static int readText(List<String> lines, int start, List<String> text, String displayName)
      throws TrustException {
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.equals(BEGIN_SIGNATURE)) {
        return i;
      }
      if (line.startsWith("- ")) {
        text.add(line.substring(2));
      } else if (line.startsWith("-")) {
        throw malformed(displayName, i, "line starts with a dash but is not dash-escaped");
      } else {
        text.add(line);
      }
    }
    throw new TrustException(displayName + ": not signed, the message has no signature block");
  }

  private static void readSignatureBlocks(
      List<String> lines, int start, List<byte[]> blocks, String displayName)
      throws TrustException {
    StringBuilder block = null;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      if (block == null) {
        if (!line.equals(BEGIN_SIGNATURE)) {
          throw new TrustException(
              displayName + ": contains unsigned data after the signature, at line " + (i + 1));
        }
        block = new StringBuilder();
      } else if (line.startsWith("-") && !line.equals(END_SIGNATURE)) {
        throw malformed(displayName, i, "unexpected line in the signature block");
      }
      block.append(line).append('\n');
      if (line.equals(END_SIGNATURE)) {
        blocks.add(block.toString().getBytes(StandardCharsets.ISO_8859_1));
        block = null;
      }
    }
    if (block != null) {
      throw new TrustException(displayName + ": truncated, the signature block is not closed");
    }
  }

  private static TrustException malformed(String displayName, int index, String problem) {
    return new TrustException(displayName + ": line " + (index + 1) + ": " + problem);
  }
}
