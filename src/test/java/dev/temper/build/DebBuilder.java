package dev.temper.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes small {@code .deb} files for tests, byte by byte as dpkg-deb lays them out, including
 * entries dpkg-deb would never write: {@code ..} paths, absolute paths and escaping links.
 */
final class DebBuilder {
  private final String name;
  private final String version;
  private String architecture = "amd64";
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final List<TarArchiveEntry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();

  private DebBuilder(String name, String version) {
    this.name = name;
    this.version = version;
  }

  static DebBuilder deb(String name, String version) {
    return new DebBuilder(name, version);
  }

  DebBuilder arch(String newArchitecture) {
    architecture = newArchitecture;
    return this;
  }

  DebBuilder field(String field, String value) {
    fields.put(field, value);
    return this;
  }

  /** Adds a directory; the path is written as {@code ./path/} like dpkg-deb does. */
  DebBuilder dir(String path) {
    TarArchiveEntry entry = new TarArchiveEntry("." + path + "/", TarConstants.LF_DIR);
    entry.setMode(040755);
    return add(entry, new byte[0]);
  }

  DebBuilder file(String path, String text) {
    return file(path, text, 0644);
  }

  DebBuilder file(String path, String text, int mode) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry("." + path);
    entry.setMode(0100000 | mode);
    entry.setSize(bytes.length);
    return add(entry, bytes);
  }

  DebBuilder symlink(String path, String target) {
    TarArchiveEntry entry = new TarArchiveEntry("." + path, TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    entry.setMode(0120777);
    return add(entry, new byte[0]);
  }

  DebBuilder hardlink(String path, String target) {
    TarArchiveEntry entry = new TarArchiveEntry("." + path, TarConstants.LF_LINK);
    entry.setLinkName(target);
    entry.setMode(0100644);
    return add(entry, new byte[0]);
  }

  /** Adds a file under a name written exactly as given, such as {@code ../etc/x} or {@code /x}. */
  DebBuilder rawFile(String tarName, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(tarName, true);
    entry.setMode(0100644);
    entry.setSize(bytes.length);
    return add(entry, bytes);
  }

  private DebBuilder add(TarArchiveEntry entry, byte[] content) {
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setModTime(1_700_000_000_000L);
    entries.add(entry);
    contents.add(content);
    return this;
  }

  String controlText() {
    StringBuilder control = new StringBuilder();
    control.append("Package: ").append(name).append('\n');
    control.append("Version: ").append(version).append('\n');
    control.append("Architecture: ").append(architecture).append('\n');
    control.append("Maintainer: Test <test@example.invalid>\n");
    fields.forEach((k, v) -> control.append(k).append(": ").append(v).append('\n'));
    control.append("Description: test package ").append(name).append('\n');
    return control.toString();
  }

  /** Writes the .deb into the directory and returns its path. */
  Path write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path deb = directory.resolve(name + "_" + version + "_" + architecture + ".deb");
    byte[] control =
        tarGz(List.of(controlEntry()), List.of(controlText().getBytes(StandardCharsets.UTF_8)));
    byte[] data = tarGz(entries, contents);
    try (OutputStream file = Files.newOutputStream(deb);
        ArArchiveOutputStream ar = new ArArchiveOutputStream(file)) {
      member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
      member(ar, "control.tar.gz", control);
      member(ar, "data.tar.gz", data);
    }
    return deb;
  }

  private static TarArchiveEntry controlEntry() {
    TarArchiveEntry entry = new TarArchiveEntry("./control");
    entry.setMode(0100644);
    return entry;
  }

  private static void member(ArArchiveOutputStream ar, String name, byte[] bytes)
      throws IOException {
    ArArchiveEntry entry = new ArArchiveEntry(name, bytes.length, 0, 0, 0100644, 1_700_000_000L);
    ar.putArchiveEntry(entry);
    ar.write(bytes);
    ar.closeArchiveEntry();
  }

  private static byte[] tarGz(List<TarArchiveEntry> entries, List<byte[]> contents)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (int i = 0; i < entries.size(); i++) {
        TarArchiveEntry entry = entries.get(i);
        if (entry.isFile()) {
          entry.setSize(contents.get(i).length);
        }
        tar.putArchiveEntry(entry);
        tar.write(contents.get(i));
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
  }
}
