package dev.temper.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a tiny signed Debian archive in a directory, for tests that need a real one: {@code .deb}
 * files made by {@code dpkg-deb}, {@code Packages} indexes (plain, gzip and xz), a {@code Release}
 * listing their hashes, and an {@code InRelease} clear-signed by a throwaway gpg key.
 *
 * <pre>{@code
 * PublishedArchive archive =
 *     TestArchive.create(tempDir)
 *         .suite("stable")
 *         .component("main")
 *         .arch("amd64")
 *         .add(pkg("hello", "1.0-1").depends("libc6"))
 *         .publish();
 * }</pre>
 *
 * <p>The archive goes to {@code dir/archive}, the public key to {@code dir/keys} and the gpg home
 * to {@code dir/gnupg}.
 */
public final class TestArchive {
  /** The state of the key that signs InRelease, at verification time. */
  public enum KeyState {
    /** A key that never expires. */
    VALID,
    /** A key created 30 days before the Date that expired a day later; it signed while valid. */
    EXPIRED,
    /** A key revoked after it signed; the exported public key includes the revocation. */
    REVOKED
  }

  private final Path dir;
  private final ReleaseWriter release = new ReleaseWriter();
  private final Map<String, List<TestPackage>> packagesByComponent = new LinkedHashMap<>();
  private final List<String> architectures = new ArrayList<>();
  private String component = "main";
  private String keyAlgorithm = "ed25519";
  private KeyState keyState = KeyState.VALID;
  private boolean signWithSubkey;
  private boolean cosignWithUnknownKey;
  private String digest;

  private TestArchive(Path dir) {
    this.dir = dir;
  }

  /** Starts an archive in {@code dir}, with suite {@code stable} and component {@code main}. */
  public static TestArchive create(Path dir) {
    return new TestArchive(dir);
  }

  /** Sets the suite, which names the directory under {@code dists/} and the Suite field. */
  public TestArchive suite(String suite) {
    release.suite = suite;
    return this;
  }

  /** Sets the Codename field, which the Release lacks unless set. */
  public TestArchive codename(String codename) {
    release.codename = codename;
    return this;
  }

  /** Selects the component that later {@link #add} calls put packages in. */
  public TestArchive component(String component) {
    this.component = component;
    packagesByComponent.computeIfAbsent(component, name -> new ArrayList<>());
    return this;
  }

  /** Adds an architecture to publish indexes for; {@code amd64} unless any is added. */
  public TestArchive arch(String architecture) {
    architectures.add(architecture);
    return this;
  }

  /** Adds packages to the selected component; {@code Architecture: all} goes to every index. */
  public TestArchive add(TestPackage... packages) {
    packagesByComponent
        .computeIfAbsent(component, name -> new ArrayList<>())
        .addAll(List.of(packages));
    return this;
  }

  /** Sets the Date field, which is the current time unless set. */
  public TestArchive date(Instant date) {
    release.date = date;
    return this;
  }

  /** Sets the Valid-Until field, which the Release lacks unless set. */
  public TestArchive validUntil(Instant validUntil) {
    release.validUntil = validUntil;
    return this;
  }

  /** Publishes the indexes under {@code by-hash/SHA256/} too and sets {@code Acquire-By-Hash}. */
  public TestArchive acquireByHash() {
    release.acquireByHash = true;
    return this;
  }

  /** Adds a field to the Release, such as {@code NotAutomatic: yes}. */
  public TestArchive releaseField(String name, String value) {
    release.extraFields.put(name, value);
    return this;
  }

  /** Sets the gpg algorithm of the signing key, {@code ed25519} unless set. */
  public TestArchive keyAlgorithm(String algorithm) {
    keyAlgorithm = algorithm;
    return this;
  }

  /** Sets the state of the signing key, {@link KeyState#VALID} unless set. */
  public TestArchive keyState(KeyState state) {
    keyState = state;
    return this;
  }

  /** Signs with a subkey of a primary key that may only certify. */
  public TestArchive signWithSubkey() {
    signWithSubkey = true;
    return this;
  }

  /** Adds a second signature by a key that the published keyring lacks. */
  public TestArchive cosignWithUnknownKey() {
    cosignWithUnknownKey = true;
    return this;
  }

  /** Sets the signature digest, such as {@code SHA1}; gpg chooses unless set. */
  public TestArchive digest(String digestName) {
    digest = digestName;
    return this;
  }

  /** Builds the packages, writes the indexes and the Release, and signs it. */
  public PublishedArchive publish() throws IOException, InterruptedException {
    Path root = Files.createDirectories(dir.resolve("archive"));
    if (architectures.isEmpty()) {
      architectures.add("amd64");
    }
    component(component);
    if (release.date == null) {
      release.date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    List<String> poolFiles = new ArrayList<>();
    Path suiteDir = root.resolve("dists").resolve(release.suite);
    for (Map.Entry<String, List<TestPackage>> entry : packagesByComponent.entrySet()) {
      poolFiles.addAll(publishComponent(root, suiteDir, entry.getKey(), entry.getValue()));
    }
    release.components.addAll(packagesByComponent.keySet());
    release.architectures.addAll(architectures);
    Path releaseFile = release.write(suiteDir);
    return sign(root, releaseFile, poolFiles);
  }

  /** Builds the .deb files of one component and writes its indexes; returns the pool paths. */
  private List<String> publishComponent(
      Path root, Path suiteDir, String name, List<TestPackage> packages)
      throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve("work"));
    List<String> poolFiles = new ArrayList<>();
    Map<TestPackage, String> stanzas = new LinkedHashMap<>();
    for (TestPackage pkg : packages) {
      String poolPath = pkg.poolPath(name);
      Path deb = root.resolve(poolPath);
      pkg.build(deb, work);
      poolFiles.add(poolPath);
      String fileFields = PackagesIndex.fileFields(poolPath, Files.readAllBytes(deb));
      stanzas.put(pkg, pkg.control() + fileFields);
    }

    for (String architecture : architectures) {
      String indexDir = name + "/binary-" + architecture;
      List<Path> indexes = PackagesIndex.write(suiteDir.resolve(indexDir), architecture, stanzas);
      release.addIndexes(suiteDir, indexDir, indexes);
    }
    return poolFiles;
  }

  private PublishedArchive sign(Path root, Path releaseFile, List<String> poolFiles)
      throws IOException, InterruptedException {
    Path inRelease = releaseFile.resolveSibling("InRelease");
    Path keys = Files.createDirectories(dir.resolve("keys"));
    try (GpgHome gpg = new GpgHome(dir.resolve("gnupg"))) {
      // Keys and signatures date from the Release Date, so tests can predict expiry times.
      // Each step comes at least a minute after the last, because gpg rejects a key created
      // after the time it signs or certifies with it.
      boolean expired = keyState == KeyState.EXPIRED;
      Instant created = release.date.minus(expired ? Duration.ofDays(30) : Duration.ofMinutes(10));
      Instant signedAt = expired ? created.plus(Duration.ofHours(1)) : release.date;
      String primary =
          gpg.generateKey(
              keyAlgorithm, signWithSubkey ? "cert" : "sign", expired ? "1d" : "never", created);
      Instant subkeyCreated = created.plus(Duration.ofMinutes(1));
      String signer =
          signWithSubkey ? gpg.addSigningSubkey(primary, keyAlgorithm, subkeyCreated) : primary;
      List<String> signers = new ArrayList<>(List.of(signer));
      if (cosignWithUnknownKey) {
        signers.add(gpg.generateKey("ed25519", "sign", "never", created));
      }
      gpg.clearsign(releaseFile, inRelease, signers, digest, signedAt);
      if (keyState == KeyState.REVOKED) {
        gpg.revoke(primary, signedAt.plus(Duration.ofMinutes(1)));
      }
      Path binaryKey = keys.resolve("archive-key.gpg");
      Path armoredKey = keys.resolve("archive-key.asc");
      gpg.exportPublicKeys(List.of(primary), binaryKey, false);
      gpg.exportPublicKeys(List.of(primary), armoredKey, true);
      return new PublishedArchive(
          root, release.suite, releaseFile, inRelease, binaryKey, armoredKey, signer, poolFiles);
    }
  }
}
