package dev.temper.testing;

import dev.temper.debian.repository.Keyring;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An archive that {@link TestArchive} published.
 *
 * @param root the archive root, which contains {@code dists/} and {@code pool/}
 * @param suite the suite directory name under {@code dists/}
 * @param release the unsigned {@code Release} file
 * @param inRelease the clear-signed {@code InRelease} file
 * @param publicKey the signing key's certificate as a binary keyring
 * @param armoredPublicKey the same certificate, ASCII-armored
 * @param signerFingerprint the fingerprint of the key or subkey that signed, in upper-case hex
 * @param poolFiles the paths of the .deb files relative to the root, as {@code Filename} gives them
 */
public record PublishedArchive(
    Path root,
    String suite,
    Path release,
    Path inRelease,
    Path publicKey,
    Path armoredPublicKey,
    String signerFingerprint,
    List<String> poolFiles) {

  /** Copies the pool file list. */
  public PublishedArchive {
    poolFiles = List.copyOf(poolFiles);
  }

  /** Loads the signing key's certificate as the keyring that trusts this archive. */
  public Keyring keyring() throws InvalidInputException {
    return Keyring.load(List.of(publicKey));
  }

  /** Returns the current content of {@code InRelease}. */
  public byte[] inReleaseBytes() throws IOException {
    return Files.readAllBytes(inRelease);
  }

  /** Returns {@code dists/SUITE}. */
  public Path suiteDir() {
    return root.resolve("dists").resolve(suite);
  }

  /** Returns the uncompressed Packages index of a component and architecture. */
  public Path packagesIndex(String component, String architecture) {
    return suiteDir().resolve(component).resolve("binary-" + architecture).resolve("Packages");
  }

  /**
   * Returns the .deb of a package.
   *
   * @throws IllegalArgumentException unless exactly one .deb has that package name
   */
  public Path deb(String packageName) {
    List<String> matches =
        poolFiles.stream()
            .filter(path -> path.substring(path.lastIndexOf('/') + 1).startsWith(packageName + "_"))
            .toList();
    if (matches.size() != 1) {
      throw new IllegalArgumentException(
          "expected one .deb of " + packageName + " but found " + matches);
    }
    return root.resolve(matches.get(0));
  }

  /**
   * Replaces the first occurrence of {@code from} in InRelease after signing, to tamper with it.
   */
  public void replaceInInRelease(String from, String to) throws IOException {
    String text = Files.readString(inRelease, StandardCharsets.UTF_8);
    int at = text.indexOf(from);
    if (at < 0) {
      throw new IllegalArgumentException("InRelease does not contain '" + from + "'");
    }
    String changed = text.substring(0, at) + to + text.substring(at + from.length());
    Files.writeString(inRelease, changed, StandardCharsets.UTF_8);
  }

  /** Appends text after the signature of InRelease. */
  public void appendToInRelease(String text) throws IOException {
    Files.writeString(inRelease, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
