package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Reads and writes key files in cosign's formats: {@code cosign.key} contains a PEM block {@code
 * ENCRYPTED SIGSTORE PRIVATE KEY} (or the older {@code ENCRYPTED COSIGN PRIVATE KEY}) whose body is
 * the scrypt and secretbox envelope around a PKCS#8 key, and {@code cosign.pub} contains a {@code
 * PUBLIC KEY} block. Unencrypted {@code PRIVATE KEY} and {@code EC PRIVATE KEY} files are read too.
 */
public final class KeyFiles {
  /** The PEM label cosign writes for new private keys. */
  public static final String SIGSTORE_PRIVATE_KEY = "ENCRYPTED SIGSTORE PRIVATE KEY";

  /** The PEM label of private keys written by cosign before version 2.2. */
  public static final String COSIGN_PRIVATE_KEY = "ENCRYPTED COSIGN PRIVATE KEY";

  private KeyFiles() {}

  /** Encodes {@code key} as the text of an encrypted {@code cosign.key} file. */
  public static String encryptedPrivateKeyPem(
      SigningKey key, char[] password, SecureRandom random) {
    byte[] pkcs8 = EcKeys.pkcs8(key);
    try {
      byte[] envelope = EncryptedKeyEnvelope.seal(pkcs8, password, random);
      return new Pem(SIGSTORE_PRIVATE_KEY, envelope).encode();
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /**
   * Writes {@code PREFIX.key} and {@code PREFIX.pub}, each through a temporary file renamed into
   * place, and rejects existing files instead of replacing them.
   *
   * @return the two paths written, private key first
   */
  public static Path[] writeKeyPair(
      Path prefix, SigningKey key, char[] password, SecureRandom random)
      throws IOException, InvalidInputException {
    Path privatePath = prefix.resolveSibling(prefix.getFileName() + ".key");
    Path publicPath = prefix.resolveSibling(prefix.getFileName() + ".pub");
    for (Path path : new Path[] {privatePath, publicPath}) {
      if (Files.exists(path)) {
        throw new InvalidInputException(path + ": file exists; remove it or choose another prefix");
      }
    }
    writeAtomically(privatePath, encryptedPrivateKeyPem(key, password, random), false);
    writeAtomically(publicPath, key.verificationKey().pem(), true);
    return new Path[] {privatePath, publicPath};
  }

  /**
   * Parses a private key file. The password is used only for the encrypted forms.
   *
   * @param source the file name used in error messages
   */
  public static SigningKey parsePrivateKey(byte[] content, char[] password, String source)
      throws InvalidInputException {
    Pem pem = Pem.parse(content, source);
    switch (pem.type()) {
      case SIGSTORE_PRIVATE_KEY, COSIGN_PRIVATE_KEY -> {
        byte[] pkcs8 = EncryptedKeyEnvelope.open(pem.bytes(), password, source);
        try {
          return EcKeys.fromPkcs8(pkcs8, source);
        } finally {
          Arrays.fill(pkcs8, (byte) 0);
        }
      }
      case "PRIVATE KEY" -> {
        return EcKeys.fromPkcs8(pem.bytes(), source);
      }
      case "EC PRIVATE KEY" -> {
        return EcKeys.fromSec1(pem.bytes(), source);
      }
      default ->
          throw new InvalidInputException(
              source + ": PEM block '" + pem.type() + "' is not a supported private key");
    }
  }

  /** Returns whether the key file needs a password, judged by its PEM label. */
  public static boolean isEncrypted(byte[] content, String source) throws InvalidInputException {
    String type = Pem.parse(content, source).type();
    return type.equals(SIGSTORE_PRIVATE_KEY) || type.equals(COSIGN_PRIVATE_KEY);
  }

  /** Parses a {@code PUBLIC KEY} PEM file. */
  public static VerificationKey parsePublicKey(byte[] content, String source)
      throws InvalidInputException {
    Pem pem = Pem.parse(content, source);
    if (!pem.type().equals("PUBLIC KEY")) {
      throw new InvalidInputException(
          source + ": PEM block '" + pem.type() + "' is not a PUBLIC KEY");
    }
    return new VerificationKey(EcKeys.publicFromSpki(pem.bytes(), source));
  }

  /** Reads a file of at most {@link Pem#MAX_FILE_BYTES}, without reading more than that. */
  public static byte[] readBounded(Path path) throws IOException, InvalidInputException {
    long size = Files.size(path);
    if (size > Pem.MAX_FILE_BYTES) {
      throw new InvalidInputException(
          path + ": key file is " + size + " bytes, the maximum is " + Pem.MAX_FILE_BYTES);
    }
    return Files.readAllBytes(path);
  }

  /** Writes through a temporary file, which is readable by its owner only unless {@code shared}. */
  private static void writeAtomically(Path target, String text, boolean shared) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.US_ASCII);
      if (shared && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
