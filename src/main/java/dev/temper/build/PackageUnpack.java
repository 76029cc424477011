package dev.temper.build;

import dev.temper.archive.Content;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.debian.deb.DebControl;
import dev.temper.debian.deb.DebPackage;
import dev.temper.debian.deb.DebReader;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a fetched {@code .deb} as a stream into an {@link UnpackedPackage}. The reader rejects
 * {@code ..} and absolute paths, symlinks that climb above the root and hard links to anything but
 * an earlier file; this step checks the package is the one the lock pinned, moves entries to their
 * merged {@code /usr} paths and turns hard links into files that share the target's content.
 * Maintainer scripts never run.
 */
final class PackageUnpack {
  private PackageUnpack() {}

  /**
   * Reads one package.
   *
   * @throws InvalidInputException naming the .deb when it is malformed or holds an unsafe entry
   * @throws IntegrityException when the .deb is another package than the lock names
   */
  static UnpackedPackage read(Lock.Package pin, Path deb) throws IOException, TemperException {
    String name = pin.name() + "_" + pin.version() + "_" + pin.architecture() + ".deb";
    DebPackage read;
    try (var in = java.nio.file.Files.newInputStream(deb)) {
      read = new DebReader().readAll(in, name);
    }
    DebControl control = read.control();
    if (!control.packageName().equals(pin.name())
        || !control.version().equals(pin.version())
        || !control.architecture().equals(pin.architecture())) {
      throw new IntegrityException(
          name
              + ": the .deb is "
              + control.packageName()
              + " "
              + control.version()
              + " "
              + control.architecture()
              + ", not the package the lock pins");
    }
    String text = new String(control.controlFile(), StandardCharsets.UTF_8);
    if (!text.endsWith("\n")) {
      text += "\n";
    }
    return new UnpackedPackage(
        pin, text, control.fields(), control.md5sums(), entries(read.entries(), name));
  }

  /** Moves entries to merged {@code /usr} and replaces hard links; exposed for tests. */
  static List<FileEntry> entries(List<FileEntry> shipped, String deb) throws InvalidInputException {
    Map<String, FileEntry> files = new HashMap<>();
    List<FileEntry> out = new ArrayList<>();
    for (FileEntry entry : shipped) {
      FileEntry kept = entry;
      if (entry.type() == EntryType.SYMLINK
          && FileTree.escapesRoot(entry.path(), entry.linkTarget())) {
        throw new InvalidInputException(
            deb + ": symlink /" + entry.path() + " -> " + entry.linkTarget() + " escapes the root");
      }
      if (entry.type() == EntryType.HARDLINK) {
        FileEntry target = files.get(entry.linkTarget());
        if (target == null) {
          throw new InvalidInputException(
              deb
                  + ": hard link /"
                  + entry.path()
                  + " names /"
                  + entry.linkTarget()
                  + ", which is not an earlier file of the package");
        }
        kept = sharedFile(entry, target.content(), target.mode());
      } else if (entry.type() == EntryType.FILE) {
        files.put(entry.path(), entry);
      }
      out.add(MergedUsr.move(kept));
    }
    return out;
  }

  private static FileEntry sharedFile(FileEntry link, Content content, int mode) {
    return new FileEntry(link.path(), EntryType.FILE, mode, link.uid(), link.gid(), null, content);
  }
}
