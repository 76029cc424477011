package dev.temper.build;

import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.error.InvalidInputException;
import java.util.Optional;

/**
 * The files a Debian system gets from maintainer scripts that never run here: a sticky {@code
 * /tmp}, {@code /etc/nsswitch.conf}, and a check that {@code /etc/os-release} resolves.
 */
final class SystemFiles {
  static final String ORIGIN = "system";

  // The databases of libc-bin's default nsswitch.conf in bookworm, files only: an image has no
  // NIS or systemd-resolved, so "files" and "dns" are all that can answer.
  private static final String NSSWITCH =
      "passwd:         files\n"
          + "group:          files\n"
          + "shadow:         files\n"
          + "gshadow:        files\n"
          + "\n"
          + "hosts:          files dns\n"
          + "networks:       files\n"
          + "\n"
          + "protocols:      files\n"
          + "services:       files\n"
          + "ethers:         files\n"
          + "rpc:            files\n"
          + "\n"
          + "netgroup:       files\n";

  private SystemFiles() {}

  /**
   * Adds {@code /tmp}, {@code /etc/nsswitch.conf} and the top directories a runtime expects.
   *
   * @throws InvalidInputException when base-files is in the image but {@code /etc/os-release} does
   *     not resolve to a file
   */
  static void apply(FileTree tree) throws InvalidInputException {
    tree.put(FileEntry.directory("tmp", 01777), ORIGIN);
    for (String directory : new String[] {"etc", "root", "home", "var", "var/tmp", "usr"}) {
      if (tree.get(directory).isEmpty()) {
        tree.put(
            FileEntry.directory(directory, directory.equals("var/tmp") ? 01777 : 0755), ORIGIN);
      }
    }
    tree.put(AccountFiles.text("etc/nsswitch.conf", 0644, NSSWITCH), ORIGIN);
    if (tree.contains("usr/lib/os-release") || tree.contains("etc/os-release")) {
      Optional<String> resolved = tree.resolve("etc/os-release");
      boolean file = resolved.flatMap(tree::get).map(e -> e.type() == EntryType.FILE).orElse(false);
      if (!file) {
        throw new InvalidInputException(
            "/etc/os-release does not resolve to a file: base-files may be incomplete");
      }
    }
  }
}
