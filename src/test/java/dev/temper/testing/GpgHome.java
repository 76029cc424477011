package dev.temper.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway GnuPG home directory with keys that have no passphrase. {@link #close} stops the
 * gpg-agent that gpg starts for it.
 */
final class GpgHome implements AutoCloseable {
  private final Path home;
  private int keyCount;

  GpgHome(Path home) throws IOException {
    this.home = Files.createDirectories(home);
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
  }

  /**
   * Generates a key and returns its fingerprint.
   *
   * @param algorithm a gpg algorithm name, such as {@code ed25519} or {@code rsa3072}
   * @param usage {@code sign}, or {@code cert} for a primary key that only certifies subkeys
   * @param expire a gpg expiry, such as {@code never} or {@code 1d}
   * @param createdAt the creation time, which gpg fakes when it is not now
   */
  String generateKey(String algorithm, String usage, String expire, Instant createdAt)
      throws IOException, InterruptedException {
    keyCount++;
    String userId = "Temper Test Key " + keyCount + " <key" + keyCount + "@temper.invalid>";
    return createdKey(
        gpg(createdAt, "--quick-gen-key", userId, algorithm, usage, expire), "KEY_CREATED P ");
  }

  /** Adds a signing subkey that never expires and returns the subkey fingerprint. */
  String addSigningSubkey(String primaryFingerprint, String algorithm, Instant createdAt)
      throws IOException, InterruptedException {
    String status =
        gpg(createdAt, "--quick-add-key", primaryFingerprint, algorithm, "sign", "never");
    return createdKey(status, "KEY_CREATED S ");
  }

  /** Revokes a key with the revocation certificate that gpg stored when it generated the key. */
  void revoke(String fingerprint, Instant revokedAt) throws IOException, InterruptedException {
    Path stored = home.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
    // gpg puts a colon before the armor line so that an accidental import does nothing.
    String certificate = Files.readString(stored).replace(":-----BEGIN", "-----BEGIN");
    Path armed = home.resolve(fingerprint + "-revocation.asc");
    Files.writeString(armed, certificate);
    gpg(revokedAt, "--import", armed.toString());
  }

  /** Exports public keys to a file, ASCII-armored or binary. */
  void exportPublicKeys(List<String> fingerprints, Path file, boolean armor)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("--output", file.toString()));
    if (armor) {
      args.add("--armor");
    }
    args.add("--export");
    args.addAll(fingerprints);
    gpg(Instant.now(), args.toArray(String[]::new));
  }

  /**
   * Writes a cleartext signed copy of {@code input}, signed by every key in {@code signers}.
   *
   * @param digest a gpg digest name such as {@code SHA256}, or null for gpg's choice
   * @param signedAt the signature time, which gpg fakes when it is not now
   */
  void clearsign(Path input, Path output, List<String> signers, String digest, Instant signedAt)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    for (String signer : signers) {
      // The "!" makes gpg use exactly this key or subkey.
      args.addAll(List.of("--local-user", signer + "!"));
    }
    if (digest != null) {
      args.addAll(List.of("--digest-algo", digest));
    }
    args.addAll(List.of("--output", output.toString(), "--clearsign", input.toString()));
    gpg(signedAt, args.toArray(String[]::new));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Commands.run(home, Map.of(), List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"));
  }

  private String gpg(Instant now, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "gpg",
                "--homedir",
                home.toString(),
                "--batch",
                "--no-tty",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "",
                "--status-fd",
                "1"));
    if (Math.abs(now.getEpochSecond() - Instant.now().getEpochSecond()) > 60) {
      // The trailing "!" freezes the clock, so the times that gpg records are exact.
      command.addAll(List.of("--faked-system-time", now.getEpochSecond() + "!"));
    }
    command.addAll(List.of(args));
    return Commands.run(home, Map.of(), command);
  }

  private static String createdKey(String status, String marker) {
    for (String line : status.split("\n")) {
      int at = line.indexOf(marker);
      if (at >= 0) {
        return line.substring(at + marker.length()).strip().split(" ")[0];
      }
    }
    throw new IllegalStateException("gpg reported no new key:\n" + status);
  }
}
