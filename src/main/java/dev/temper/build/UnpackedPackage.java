package dev.temper.build;

import dev.temper.archive.FileEntry;
import java.util.List;
import java.util.Map;

/**
 * A package read from its .deb: the control stanza for the package record, its md5sums, and the
 * entries of its data archive, already checked and moved to their merged {@code /usr} paths.
 *
 * @param pin the lock entry the .deb was fetched for
 * @param control the text of the control file, ending in a newline
 * @param fields the control fields by name, such as {@code Depends}
 * @param md5sums the MD5 of each regular file by its path as shipped, such as {@code bin/ls}
 * @param entries the data entries in archive order, with hard links turned into files
 */
public record UnpackedPackage(
    Lock.Package pin,
    String control,
    Map<String, String> fields,
    Map<String, String> md5sums,
    List<FileEntry> entries) {

  public UnpackedPackage {
    fields = Map.copyOf(fields);
    md5sums = Map.copyOf(md5sums);
    entries = List.copyOf(entries);
  }

  /** Returns the package name. */
  public String name() {
    return pin.name();
  }
}
