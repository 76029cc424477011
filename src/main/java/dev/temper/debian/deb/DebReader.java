package dev.temper.debian.deb;

import dev.temper.archive.Compression;
import dev.temper.archive.Content;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.archive.TarEntryVisitor;
import dev.temper.archive.TarLimits;
import dev.temper.archive.TarPolicy;
import dev.temper.archive.TarReader;
import dev.temper.archive.UnsafeEntryListener;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .deb} as a stream, without extracting it: the {@code debian-binary} version, the
 * control member and the data member, each compressed with gzip, xz or zstd (data also bzip2) or
 * not at all. Members that start with {@code _} are skipped as dpkg skips them; any other unknown
 * member, a wrong order, a missing member or an unsafe data entry fails with an {@link
 * InvalidInputException} naming the {@code .deb}. Maintainer scripts are listed, never run.
 */
public final class DebReader {
  /** The default largest member of a {@code .deb} in bytes, 8 GiB. */
  public static final long DEFAULT_MAX_MEMBER_SIZE = 8L << 30;

  private static final long MAX_CONTROL_MEMBER_SIZE = 64L << 20;
  private static final int MAX_VERSION_SIZE = 64;
  private static final Pattern FORMAT_VERSION = Pattern.compile("2\\.[0-9]+\n");

  /** Control members hold a few small text files: 64 MiB decompressed bounds them well. */
  private static final TarPolicy CONTROL_POLICY =
      new TarPolicy(
          true,
          false,
          TarLimits.defaults()
              .withMaxEntrySize(MAX_CONTROL_MEMBER_SIZE)
              .withMaxTotalBytes(MAX_CONTROL_MEMBER_SIZE)
              .withMaxEntries(10_000),
          UnsafeEntryListener.IGNORE);

  private final TarPolicy dataPolicy;
  private final long maxMemberSize;

  /** Creates a reader that rejects unsafe data entries, with the default limits. */
  public DebReader() {
    this(TarPolicy.debianData(), DEFAULT_MAX_MEMBER_SIZE);
  }

  /**
   * @param dataPolicy the policy for the data member's entries
   * @param maxMemberSize the largest member in bytes, as stored in the {@code .deb}
   */
  public DebReader(TarPolicy dataPolicy, long maxMemberSize) {
    this.dataPolicy = dataPolicy;
    this.maxMemberSize = maxMemberSize;
  }

  /** Reads a {@code .deb} file with its data in memory, named in messages by its file name. */
  public DebPackage readAll(Path deb) throws IOException, TemperException {
    try (InputStream in = Files.newInputStream(deb)) {
      return readAll(in, deb.getFileName().toString());
    }
  }

  /** Reads a {@code .deb} stream with the data member's entries and file content in memory. */
  public DebPackage readAll(InputStream in, String deb) throws IOException, TemperException {
    List<FileEntry> entries = new ArrayList<>();
    DebControl control =
        read(
            in,
            deb,
            (header, content) -> {
              Content bytes = Content.EMPTY;
              if (header.type() == EntryType.FILE) {
                if (header.size() > Integer.MAX_VALUE - 8) {
                  throw new InvalidInputException(
                      deb + ": entry '" + header.path() + "' is too large to hold in memory");
                }
                bytes = Content.of(content.readNBytes((int) header.size()));
              }
              entries.add(header.toFileEntry(bytes));
            });
    return new DebPackage(control, List.copyOf(entries));
  }

  /**
   * Reads a {@code .deb} stream, passing each data entry to the visitor as it is read, so that a
   * caller that needs only some files, such as changelogs, holds none of the others.
   *
   * @param in the {@code .deb}, not closed
   * @param deb the name used in messages
   * @return the control information, with MD5 sums computed from the data when the package has no
   *     {@code md5sums} file
   */
  public DebControl read(InputStream in, String deb, TarEntryVisitor dataVisitor)
      throws IOException, TemperException {
    ArReader ar = new ArReader(in, deb, maxMemberSize);
    readFormatVersion(ar, deb);
    ControlMember.Parsed control = null;
    Map<String, String> computed = null;
    ArReader.Member member;
    while ((member = ar.next().orElse(null)) != null) {
      String name = member.name();
      String displayName = deb + " " + name;
      if (name.startsWith("_")) {
        continue;
      }
      if (name.startsWith("control.tar")) {
        if (control != null) {
          throw new InvalidInputException(deb + ": more than one control member");
        }
        Compression compression = compressionOf(name, "control.tar", deb, false);
        requireSize(member, MAX_CONTROL_MEMBER_SIZE, displayName);
        List<FileEntry> files = readControlTar(member.content(), displayName, compression);
        control = ControlMember.parse(files, displayName);
      } else if (name.startsWith("data.tar")) {
        if (control == null) {
          throw new InvalidInputException(deb + ": data member comes before the control member");
        }
        Compression compression = compressionOf(name, "data.tar", deb, true);
        computed = control.md5sums() == null ? new LinkedHashMap<>() : null;
        TarEntryVisitor visitor =
            computed == null ? dataVisitor : Md5Visitor.wrap(dataVisitor, computed);
        new TarReader(dataPolicy).read(member.content(), displayName, compression, visitor);
        return toControl(deb, control, computed);
      } else {
        throw new InvalidInputException(deb + ": unexpected member '" + name + "'");
      }
    }
    String missing = control == null ? "control.tar" : "data.tar";
    throw new InvalidInputException(deb + ": missing member " + missing);
  }

  private static void readFormatVersion(ArReader ar, String deb)
      throws IOException, InvalidInputException {
    ArReader.Member first =
        ar.next().orElseThrow(() -> new InvalidInputException(deb + ": empty archive, not a .deb"));
    if (!first.name().equals("debian-binary")) {
      throw new InvalidInputException(
          deb + ": first member is '" + first.name() + "', expected 'debian-binary'");
    }
    requireSize(first, MAX_VERSION_SIZE, deb + " debian-binary");
    String version = new String(first.content().readAllBytes(), StandardCharsets.US_ASCII);
    if (!FORMAT_VERSION.matcher(version).matches()) {
      throw new InvalidInputException(
          deb + ": unsupported format version '" + version.strip() + "', expected 2.x");
    }
  }

  private static List<FileEntry> readControlTar(
      InputStream content, String displayName, Compression compression)
      throws IOException, TemperException {
    List<FileEntry> files = new ArrayList<>();
    TarReader reader = new TarReader(CONTROL_POLICY);
    reader.read(
        content,
        displayName,
        compression,
        (header, stream) -> {
          byte[] bytes =
              header.type() == EntryType.FILE ? stream.readNBytes((int) header.size()) : null;
          files.add(header.toFileEntry(bytes == null ? Content.EMPTY : Content.of(bytes)));
        });
    return files;
  }

  private static Compression compressionOf(String name, String base, String deb, boolean allowBzip2)
      throws InvalidInputException {
    String suffix = name.substring(base.length());
    return switch (suffix) {
      case "" -> Compression.NONE;
      case ".gz" -> Compression.GZIP;
      case ".xz" -> Compression.XZ;
      case ".zst" -> Compression.ZSTD;
      case ".bz2" -> {
        if (!allowBzip2) {
          throw new InvalidInputException(deb + ": unsupported member '" + name + "'");
        }
        yield Compression.BZIP2;
      }
      default -> throw new InvalidInputException(deb + ": unsupported member '" + name + "'");
    };
  }

  private static void requireSize(ArReader.Member member, long max, String displayName)
      throws InvalidInputException {
    if (member.size() > max) {
      throw new InvalidInputException(
          displayName + ": " + member.size() + " bytes, more than the limit of " + max);
    }
  }

  private static DebControl toControl(
      String deb, ControlMember.Parsed control, Map<String, String> computed) {
    boolean wasComputed = computed != null;
    Map<String, String> md5sums =
        wasComputed ? Collections.unmodifiableMap(computed) : control.md5sums();
    return new DebControl(
        deb,
        control.controlFile(),
        control.fields(),
        md5sums,
        wasComputed,
        control.conffiles(),
        control.maintainerScripts(),
        control.controlFiles());
  }
}
