package dev.temper.debian.changelog;

import dev.temper.debian.Version;
import dev.temper.error.InvalidInputException;
import dev.temper.io.BoundedInputStream;
import dev.temper.io.SizeLimitException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A parsed Debian changelog ({@code debian/changelog}, installed as {@code
 * usr/share/doc/PKG/changelog.Debian.gz}), newest entry first, in the format of Debian policy
 * section 4.4. It names the CVEs that a security update fixes.
 *
 * @param entries the entries, newest first as the file lists them
 */
public record Changelog(List<ChangelogEntry> entries) {
  /** Decompressed changelogs larger than this are rejected; glibc's is about 1 MiB. */
  public static final long MAX_BYTES = 32L << 20;

  private static final Pattern HEADER =
      Pattern.compile("^(\\S+) \\(([^()\\s]+)\\)((?:\\s+[^;\\s]+)*)\\s*;(.*)$");
  private static final Pattern TRAILER = Pattern.compile("^ -- (.*?)  (.*)$");
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final Pattern URGENCY = Pattern.compile("(?i)urgency=([a-z]+)");

  public Changelog {
    entries = List.copyOf(entries);
  }

  /**
   * Reads a gzip-compressed changelog.
   *
   * @param name names the file in errors
   * @throws InvalidInputException when it is larger than {@link #MAX_BYTES} or not gzip
   */
  public static Changelog readGzip(InputStream compressed, String name)
      throws IOException, InvalidInputException {
    try {
      return read(new GZIPInputStream(compressed, 1 << 16), name);
    } catch (java.util.zip.ZipException e) {
      throw new InvalidInputException(
          name + ": not a gzip-compressed changelog: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a plain-text changelog. Lines that fit no part of the format are kept in the text of the
   * entry they appear in; text before the first header is ignored.
   *
   * @throws InvalidInputException when it is larger than {@link #MAX_BYTES}
   */
  public static Changelog read(InputStream in, String name)
      throws IOException, InvalidInputException {
    InputStreamReader reader =
        new InputStreamReader(
            new BoundedInputStream(in, MAX_BYTES, name + ": changelog"), StandardCharsets.UTF_8);
    List<ChangelogEntry> entries = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(reader)) {
      EntryBuilder current = null;
      String line;
      while ((line = lines.readLine()) != null) {
        Matcher header = HEADER.matcher(line);
        if (header.matches() && isValidVersion(header.group(2))) {
          if (current != null) {
            entries.add(current.build());
          }
          current = new EntryBuilder(header);
          continue;
        }
        if (current == null) {
          continue;
        }
        Matcher trailer = TRAILER.matcher(line);
        if (trailer.matches()) {
          current.maintainer = trailer.group(1);
          current.date = trailer.group(2).strip();
          entries.add(current.build());
          current = null;
        } else {
          current.text.append(line).append('\n');
        }
      }
      if (current != null) {
        entries.add(current.build());
      }
    } catch (SizeLimitException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
    return new Changelog(entries);
  }

  /**
   * Returns the CVEs named by entries newer than {@code installed} and no newer than {@code
   * candidate}: what updating from one to the other fixes, by the changelog's own account.
   */
  public Set<String> cvesFixedBetween(Version installed, Version candidate) {
    Set<String> cves = new LinkedHashSet<>();
    for (ChangelogEntry entry : entries) {
      if (entry.version().compareTo(installed) > 0 && entry.version().compareTo(candidate) <= 0) {
        cves.addAll(entry.cves());
      }
    }
    return cves;
  }

  /** Returns the entries newer than {@code installed} and no newer than {@code candidate}. */
  public List<ChangelogEntry> entriesBetween(Version installed, Version candidate) {
    return entries.stream()
        .filter(e -> e.version().compareTo(installed) > 0 && e.version().compareTo(candidate) <= 0)
        .toList();
  }

  private static boolean isValidVersion(String text) {
    try {
      Version.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static final class EntryBuilder {
    final String source;
    final Version version;
    final List<String> distributions;
    final String urgency;
    final StringBuilder text = new StringBuilder();
    String maintainer;
    String date;

    EntryBuilder(Matcher header) {
      source = header.group(1);
      version = Version.parse(header.group(2));
      distributions = List.of(header.group(3).strip().split("\\s+"));
      Matcher urgencyMatch = URGENCY.matcher(header.group(4));
      urgency =
          urgencyMatch.find() ? urgencyMatch.group(1).toLowerCase(java.util.Locale.ROOT) : null;
    }

    ChangelogEntry build() {
      Set<String> cves = new LinkedHashSet<>();
      Matcher m = CVE.matcher(text);
      while (m.find()) {
        cves.add(m.group());
      }
      return new ChangelogEntry(
          source,
          version,
          distributions,
          urgency,
          text.toString().strip(),
          maintainer,
          date,
          List.copyOf(cves));
    }
  }
}
