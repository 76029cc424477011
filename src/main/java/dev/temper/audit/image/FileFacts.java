package dev.temper.audit.image;

import dev.temper.archive.EntryType;
import dev.temper.audit.SecretPatterns;
import dev.temper.oci.image.ImageFile;
import dev.temper.oci.image.ImageFileVisitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects, in the one pass over an image's files, what the audit checks need: shells, package
 * managers, setuid and world-writable files, private keys and credential files, the account files,
 * and file totals.
 */
public final class FileFacts implements ImageFileVisitor {
  /** Files at most this large are searched for private keys; PEM keys are a few KiB. */
  static final int MAX_KEY_SCAN_BYTES = 64 << 10;

  /** Account files larger than this are not read. */
  static final int MAX_ACCOUNT_FILE_BYTES = 1 << 20;

  private static final Set<String> BIN_DIRS =
      Set.of("bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin");
  private static final Set<String> SHELLS =
      Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "busybox");
  private static final Set<String> PACKAGE_MANAGERS =
      Set.of(
          "dpkg",
          "apt",
          "apt-get",
          "aptitude",
          "rpm",
          "yum",
          "dnf",
          "microdnf",
          "apk",
          "zypper",
          "pacman",
          "debconf");
  private static final Set<String> TEMPORARY_DIRS = Set.of("tmp", "var/tmp", "dev/shm");
  private static final List<String> CREDENTIAL_FILES =
      List.of(
          ".aws/credentials",
          ".docker/config.json",
          ".git-credentials",
          ".netrc",
          ".pgpass",
          ".ssh/id_rsa",
          ".ssh/id_ecdsa",
          ".ssh/id_ed25519",
          ".ssh/id_dsa");

  final List<Evidence> shells = new ArrayList<>();
  final List<Evidence> packageManagers = new ArrayList<>();
  final List<Evidence> setuid = new ArrayList<>();
  final List<Evidence> worldWritable = new ArrayList<>();
  final List<Evidence> privateKeys = new ArrayList<>();
  String passwd;
  String group;
  String shadow;
  long fileBytes;
  long fileCount;

  @Override
  public void visit(ImageFile file, InputStream content) throws IOException {
    String path = file.path();
    String layer = file.layerDigest() == null ? null : file.layerDigest().toString();
    fileCount++;
    if (file.type() == EntryType.FILE) {
      fileBytes += file.size();
    }
    String parent = path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/'));
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean executable = file.type() == EntryType.FILE || file.type() == EntryType.SYMLINK;
    if (executable && BIN_DIRS.contains(parent)) {
      if (SHELLS.contains(name)) {
        shells.add(Evidence.file(path, layer, describe(file)));
      }
      if (PACKAGE_MANAGERS.contains(name)) {
        packageManagers.add(Evidence.file(path, layer, describe(file)));
      }
    }
    if (file.type() == EntryType.FILE && (file.mode() & 06000) != 0) {
      setuid.add(Evidence.file(path, layer, String.format("mode %04o", file.mode())));
    }
    if (isWorldWritable(file) && !inTemporaryDir(path)) {
      worldWritable.add(Evidence.file(path, layer, String.format("mode %04o", file.mode())));
    }
    if (file.type() == EntryType.FILE) {
      inspectContent(file, content, layer);
    }
  }

  private void inspectContent(ImageFile file, InputStream content, String layer)
      throws IOException {
    String path = file.path();
    for (String credential : CREDENTIAL_FILES) {
      if (path.endsWith("/" + credential) || path.equals(credential)) {
        privateKeys.add(Evidence.file(path, layer, "credential file"));
        return;
      }
    }
    switch (path) {
      case "etc/passwd" -> passwd = readSmall(file, content);
      case "etc/group" -> group = readSmall(file, content);
      case "etc/shadow" -> shadow = readSmall(file, content);
      default -> {
        if (file.size() <= MAX_KEY_SCAN_BYTES && file.size() > 0) {
          String text =
              new String(content.readNBytes(MAX_KEY_SCAN_BYTES), StandardCharsets.ISO_8859_1);
          if (SecretPatterns.containsPrivateKey(text)) {
            privateKeys.add(Evidence.file(path, layer, "PEM private key"));
          }
        }
      }
    }
  }

  private static String readSmall(ImageFile file, InputStream content) throws IOException {
    if (file.size() > MAX_ACCOUNT_FILE_BYTES) {
      return null;
    }
    return new String(content.readNBytes(MAX_ACCOUNT_FILE_BYTES), StandardCharsets.UTF_8);
  }

  private static boolean isWorldWritable(ImageFile file) {
    if (file.type() == EntryType.SYMLINK || file.type() == EntryType.HARDLINK) {
      return false;
    }
    // A world-writable directory with the sticky bit, such as /var/lock, lets users remove only
    // their own files, which is how shared directories are meant to be.
    boolean sticky = (file.mode() & 01000) != 0;
    return (file.mode() & 0002) != 0 && !(file.type() == EntryType.DIRECTORY && sticky);
  }

  private static boolean inTemporaryDir(String path) {
    for (String dir : TEMPORARY_DIRS) {
      if (path.equals(dir) || path.startsWith(dir + "/")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(ImageFile file) {
    return file.type() == EntryType.SYMLINK ? "symlink to " + file.linkTarget() : "file";
  }
}
