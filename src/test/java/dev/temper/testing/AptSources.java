package dev.temper.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the two formats of apt sources files, keeping only enabled {@code deb} entries. */
final class AptSources {
  private AptSources() {}

  /**
   * Parses {@code sources.list} lines such as {@code deb [signed-by=/k.gpg] URI SUITE COMPONENT}.
   * Text after '#' is a comment, and options in brackets are skipped.
   */
  static List<AptSource> parseOneLineStyle(String text, Path file) {
    List<AptSource> result = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      List<String> words = new ArrayList<>(Arrays.asList(content.split("\\s+")));
      if (!words.get(0).equals("deb")) {
        continue;
      }
      int first = 1;
      if (words.size() > 1 && words.get(1).startsWith("[")) {
        // Options may contain spaces, so they end at the word that closes the bracket.
        while (first < words.size() && !words.get(first).endsWith("]")) {
          first++;
        }
        first++;
      }
      words = words.subList(Math.min(first, words.size()), words.size());
      if (words.size() < 2) {
        throw new IllegalArgumentException(
            file + ": line " + number + ": expected 'deb [options] URI SUITE [COMPONENT...]'");
      }
      result.add(new AptSource(URI.create(words.get(0)), List.of(words.get(1)), file));
    }
    return result;
  }

  /**
   * Parses deb822 stanzas with {@code Types}, {@code URIs} and {@code Suites}; a stanza with {@code
   * Enabled: no} or without the type {@code deb} is skipped, and only its first URI is kept.
   */
  static List<AptSource> parseDeb822Style(String text, Path file) {
    List<AptSource> result = new ArrayList<>();
    for (Map<String, String> stanza : stanzas(text)) {
      List<String> types = words(stanza.get("types"));
      if (!types.contains("deb") || "no".equalsIgnoreCase(stanza.get("enabled"))) {
        continue;
      }
      List<String> uris = words(stanza.get("uris"));
      List<String> suites = words(stanza.get("suites"));
      if (uris.isEmpty() || suites.isEmpty()) {
        throw new IllegalArgumentException(file + ": a 'deb' stanza needs URIs and Suites");
      }
      result.add(new AptSource(URI.create(uris.get(0)), suites, file));
    }
    return result;
  }

  private static List<Map<String, String>> stanzas(String text) {
    List<Map<String, String>> stanzas = new ArrayList<>();
    Map<String, String> current = new HashMap<>();
    String lastField = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          stanzas.add(current);
          current = new HashMap<>();
        }
        lastField = null;
      } else if (line.startsWith("#")) {
        continue;
      } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastField != null) {
        current.merge(lastField, " " + line.strip(), String::concat);
      } else if (line.indexOf(':') > 0) {
        int colon = line.indexOf(':');
        lastField = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        current.put(lastField, line.substring(colon + 1).strip());
      }
    }
    if (!current.isEmpty()) {
      stanzas.add(current);
    }
    return stanzas;
  }

  private static List<String> words(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
  }
}
