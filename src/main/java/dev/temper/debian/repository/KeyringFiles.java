package dev.temper.debian.repository;

import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/** Parses the content of keyring files, binary or ASCII-armored. */
final class KeyringFiles {
  private static final String BEGIN_ARMOR = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
  private static final Pattern ARMOR_BLOCK =
      Pattern.compile(
          Pattern.quote(BEGIN_ARMOR) + ".*?-----END PGP PUBLIC KEY BLOCK-----", Pattern.DOTALL);

  private KeyringFiles() {}

  /**
   * Parses the public keys of one keyring file.
   *
   * @param name names the file in error messages
   * @throws InvalidInputException naming the file when it is empty, not an OpenPGP public keyring,
   *     or contains no key
   */
  static List<PGPPublicKeyRing> parse(byte[] data, String name) throws InvalidInputException {
    if (data.length == 0) {
      throw new InvalidInputException("invalid keyring " + name + ": the file is empty");
    }
    if (isKeybox(data)) {
      throw new InvalidInputException(
          "invalid keyring "
              + name
              + ": it is a GnuPG keybox, export the keys with 'gpg --export' to get a keyring");
    }
    String text = new String(data, StandardCharsets.ISO_8859_1);
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    try {
      if (text.strip().startsWith(BEGIN_ARMOR)) {
        Matcher block = ARMOR_BLOCK.matcher(text);
        while (block.find()) {
          byte[] armored = block.group().getBytes(StandardCharsets.ISO_8859_1);
          rings.addAll(read(new ArmoredInputStream(new ByteArrayInputStream(armored))));
        }
      } else {
        rings.addAll(read(new ByteArrayInputStream(data)));
      }
    } catch (IOException | PGPException | RuntimeException e) {
      // Bouncy Castle reports some malformed packets with unchecked exceptions.
      throw new InvalidInputException(
          "invalid keyring " + name + ": not an OpenPGP public keyring", e);
    }
    if (rings.isEmpty()) {
      throw new InvalidInputException("invalid keyring " + name + ": it contains no public key");
    }
    return rings;
  }

  private static List<PGPPublicKeyRing> read(InputStream in) throws IOException, PGPException {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator()).forEach(rings::add);
    return rings;
  }

  /** Detects the keybox format of GnuPG 2.1 and later, whose header block has "KBXf" at 8. */
  private static boolean isKeybox(byte[] data) {
    return data.length >= 12
        && data[8] == 'K'
        && data[9] == 'B'
        && data[10] == 'X'
        && data[11] == 'f';
  }
}
