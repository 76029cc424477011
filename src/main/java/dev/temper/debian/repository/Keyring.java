package dev.temper.debian.repository;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of trusted OpenPGP public keys, read from binary keyrings ({@code .gpg}) or ASCII-armored
 * files ({@code .asc}) such as those apt reads from {@code Signed-By}.
 */
public final class Keyring {
  private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);

  /**
   * The keyring of the Debian archive keys that the {@code debian-archive-keyring} package ships.
   */
  static final Path DEBIAN_SYSTEM_KEYRING =
      Path.of("/usr/share/keyrings/debian-archive-keyring.gpg");

  /** The Debian archive keys shipped with temper, as classpath resources under {@code KEYS_DIR}. */
  static final List<String> BUNDLED_DEBIAN_KEYS =
      List.of(
          "debian-archive-bookworm-automatic.asc",
          "debian-archive-bookworm-security-automatic.asc",
          "debian-archive-bookworm-stable.asc",
          "debian-archive-trixie-automatic.asc",
          "debian-archive-trixie-security-automatic.asc",
          "debian-archive-trixie-stable.asc");

  private static final String KEYS_DIR = "/dev/temper/debian/keys/";

  private final List<PGPPublicKeyRing> rings;

  private Keyring(List<PGPPublicKeyRing> rings) {
    this.rings = List.copyOf(rings);
  }

  /**
   * Loads the keys of several keyring files into one keyring.
   *
   * @param files binary or ASCII-armored OpenPGP public keyrings
   * @throws InvalidInputException naming the file that cannot be read or contains no valid public
   *     key
   */
  public static Keyring load(List<Path> files) throws InvalidInputException {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    for (Path file : files) {
      byte[] data;
      try {
        data = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new InvalidInputException("cannot read keyring " + file + ": " + e.getMessage(), e);
      }
      rings.addAll(KeyringFiles.parse(data, file.toString()));
    }
    return new Keyring(rings);
  }

  /**
   * Loads the Debian archive keys: the host's {@code
   * /usr/share/keyrings/debian-archive-keyring.gpg} when it exists, otherwise the bookworm and
   * trixie archive keys shipped with temper.
   *
   * @throws InvalidInputException when the host's keyring exists but cannot be parsed
   */
  public static Keyring debianDefault() throws InvalidInputException {
    return debianDefault(DEBIAN_SYSTEM_KEYRING);
  }

  static Keyring debianDefault(Path systemKeyring) throws InvalidInputException {
    if (Files.isRegularFile(systemKeyring)) {
      LOG.debug("Using the Debian archive keys in {}", systemKeyring);
      return load(List.of(systemKeyring));
    }
    LOG.debug("{} not found, using the Debian archive keys shipped with temper", systemKeyring);
    return bundledDebianKeys();
  }

  /** Loads the Debian archive keys shipped with temper. */
  static Keyring bundledDebianKeys() throws InvalidInputException {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    for (String name : BUNDLED_DEBIAN_KEYS) {
      try (InputStream in = Keyring.class.getResourceAsStream(KEYS_DIR + name)) {
        if (in == null) {
          throw new IllegalStateException("resource " + KEYS_DIR + name + " is missing");
        }
        rings.addAll(KeyringFiles.parse(in.readAllBytes(), name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Keyring(rings);
  }

  /** Returns the fingerprints of the primary keys, as upper-case hex. */
  public List<String> fingerprints() {
    List<String> result = new ArrayList<>();
    for (PGPPublicKeyRing ring : rings) {
      result.add(KeyNames.fingerprint(ring.getPublicKey()));
    }
    return result;
  }

  /** A key of the keyring together with the certificate that it belongs to. */
  record KeyMatch(PGPPublicKeyRing ring, PGPPublicKey key) {}

  /** Returns the primary keys and subkeys whose key ID or fingerprint the signature names. */
  List<KeyMatch> keysFor(PGPSignature signature) {
    List<KeyMatch> matches = new ArrayList<>();
    for (PGPPublicKeyRing ring : rings) {
      for (PGPPublicKey key : ring) {
        if (names(signature, key)) {
          matches.add(new KeyMatch(ring, key));
        }
      }
    }
    return matches;
  }

  /** Returns whether the signature's issuer key ID or fingerprint names the key. */
  static boolean names(PGPSignature signature, PGPPublicKey key) {
    KeyIdentifier keyIdentifier = key.getKeyIdentifier();
    for (KeyIdentifier issuer : signature.getKeyIdentifiers()) {
      if (!issuer.isWildcard() && issuer.matches(keyIdentifier)) {
        return true;
      }
    }
    return false;
  }
}
