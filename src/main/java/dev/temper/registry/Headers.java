package dev.temper.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The headers of a request or response: names compare without regard to case, and the values of a
 * name keep the order in which they were added or arrived.
 */
final class Headers {
  static final Headers NONE = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final Map<String, List<String>> fields;

  private Headers(TreeMap<String, List<String>> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** Returns the first value of {@code name}. */
  Optional<String> firstValue(String name) {
    List<String> values = fields.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the first value of {@code name} as a number.
   *
   * @throws NumberFormatException when the value is not a decimal {@code long}
   */
  OptionalLong firstValueAsLong(String name) {
    Optional<String> value = firstValue(name);
    return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.get()));
  }

  /** Returns every value of {@code name}, or an empty list. */
  List<String> allValues(String name) {
    List<String> values = fields.get(name);
    return values == null ? List.of() : values;
  }

  /** Returns every header, by name. */
  Map<String, List<String>> map() {
    return fields;
  }

  /** Collects headers one value at a time. */
  /** Returns these headers without the fields named {@code name}. */
  Headers without(String name) {
    if (!fields.containsKey(name)) {
      return this;
    }
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(fields);
    copy.remove(name);
    return new Headers(copy);
  }

  /** Returns these headers with {@code name} set to {@code value} alone. */
  Headers with(String name, String value) {
    List<String> current = fields.get(name);
    if (current != null && current.size() == 1 && current.get(0).equals(value)) {
      return this;
    }
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(fields);
    copy.put(name, List.of(value));
    return new Headers(copy);
  }

  static final class Builder {
    private final TreeMap<String, List<String>> fields =
        new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** Adds a value of {@code name} after any it already has. */
    Builder add(String name, String value) {
      fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      return this;
    }

    Headers build() {
      TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      return new Headers(copy);
    }
  }
}
