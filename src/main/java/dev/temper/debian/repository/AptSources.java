package dev.temper.debian.repository;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code deb} entries of apt's sources: the one-line format of {@code sources.list} and
 * {@code *.list}, and the deb822 format of {@code *.sources}. Entries of type {@code deb-src},
 * disabled entries ({@code Enabled: no}) and comments are skipped, and so are files that cannot be
 * read, because a host's apt setup is a hint and never a reason to fail.
 */
public final class AptSources {
  private static final Logger log = LoggerFactory.getLogger(AptSources.class);

  private AptSources() {}

  /** Reads the sources under an apt configuration root such as {@code /etc/apt}. */
  public static List<AptSource> read(Path aptEtc) {
    List<AptSource> sources = new ArrayList<>();
    sources.addAll(readFile(aptEtc.resolve("sources.list")));
    Path parts = aptEtc.resolve("sources.list.d");
    if (Files.isDirectory(parts)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(parts)) {
        stream.forEach(files::add);
      } catch (IOException e) {
        log.debug("cannot list {}: {}", parts, e.toString());
      }
      files.sort(null);
      for (Path file : files) {
        sources.addAll(readFile(file));
      }
    }
    return sources;
  }

  private static List<AptSource> readFile(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file) || !(name.endsWith(".list") || name.endsWith(".sources"))) {
      return List.of();
    }
    try {
      String text = Files.readString(file);
      return name.endsWith(".sources") ? parseDeb822(text) : parseOneLine(text);
    } catch (IOException | RuntimeException e) {
      log.debug("skipping apt source file {}: {}", file, e.toString());
      return List.of();
    }
  }

  /** Parses the one-line format: {@code deb [options] URI SUITE [COMPONENT...]}. */
  static List<AptSource> parseOneLine(String text) {
    List<AptSource> sources = new ArrayList<>();
    for (String rawLine : text.split("\n")) {
      String line = stripComment(rawLine).strip();
      if (!line.startsWith("deb ") && !line.startsWith("deb\t")) {
        continue;
      }
      String rest = line.substring(3).strip();
      String signedBy = null;
      if (rest.startsWith("[")) {
        int close = rest.indexOf(']');
        if (close < 0) {
          continue;
        }
        for (String option : rest.substring(1, close).strip().split("\\s+")) {
          if (option.toLowerCase(Locale.ROOT).startsWith("signed-by=")) {
            signedBy = option.substring("signed-by=".length());
          }
        }
        rest = rest.substring(close + 1).strip();
      }
      String[] words = rest.split("\\s+");
      if (words.length < 2) {
        continue;
      }
      List<String> components = Arrays.asList(words).subList(2, words.length);
      addIfValid(sources, words[0], List.of(words[1]), components, signedBy);
    }
    return sources;
  }

  /** Parses deb822 {@code .sources} paragraphs. */
  static List<AptSource> parseDeb822(String text) {
    List<AptSource> sources = new ArrayList<>();
    for (Map<String, String> paragraph : paragraphs(text)) {
      List<String> types = words(paragraph.get("types"));
      if (!types.contains("deb") || "no".equalsIgnoreCase(paragraph.get("enabled"))) {
        continue;
      }
      List<String> suites = words(paragraph.get("suites"));
      List<String> components = words(paragraph.get("components"));
      String signedBy = paragraph.get("signed-by");
      if (signedBy != null && signedBy.contains("\n")) {
        // An inline key block rather than a file name.
        signedBy = null;
      }
      for (String uri : words(paragraph.get("uris"))) {
        addIfValid(sources, uri, suites, components, signedBy);
      }
    }
    return sources;
  }

  private static void addIfValid(
      List<AptSource> sources,
      String uri,
      List<String> suites,
      List<String> components,
      String signedBy) {
    if (suites.isEmpty()) {
      return;
    }
    try {
      URI parsed = URI.create(uri.endsWith("/") ? uri : uri + "/");
      if (parsed.getScheme() == null) {
        return;
      }
      sources.add(new AptSource(parsed, suites, components, signedBy));
    } catch (IllegalArgumentException e) {
      log.debug("skipping apt source with invalid URI {}", uri);
    }
  }

  private static List<Map<String, String>> paragraphs(String text) {
    List<Map<String, String>> result = new ArrayList<>();
    Map<String, String> current = new TreeMap<>();
    String lastKey = null;
    for (String rawLine : text.split("\n", -1)) {
      String line = rawLine.stripTrailing();
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          result.add(current);
          current = new TreeMap<>();
        }
        lastKey = null;
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && lastKey != null) {
        current.merge(lastKey, "\n" + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        lastKey = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        current.put(lastKey, line.substring(colon + 1).strip());
      }
    }
    if (!current.isEmpty()) {
      result.add(current);
    }
    return result;
  }

  private static List<String> words(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return List.of(value.strip().split("\\s+"));
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash >= 0 ? line.substring(0, hash) : line;
  }
}
