package dev.temper.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * The declaration of one option: its names, the label of its value, how often it may appear, and
 * its help text. Instances are immutable and compared by identity.
 */
public final class OptionSpec {
  private final List<String> names;
  private final String label;
  private final boolean repeatable;
  private final boolean required;
  private final boolean inherited;
  private final String description;

  /**
   * Creates the declaration.
   *
   * @param names the names, such as {@code -o} and {@code --output}
   * @param label the placeholder of the value in help, such as {@code FILE}, or null for a flag,
   *     which takes no value
   * @param repeatable whether the option may be given more than once, each time adding a value
   * @param required whether every command line must give the option
   * @param inherited whether the subcommands of the declaring command accept the option too
   * @param description the help text
   * @throws IllegalArgumentException when a name is not {@code -X} or {@code --NAME}, or a flag is
   *     declared repeatable or required
   */
  public OptionSpec(
      List<String> names,
      String label,
      boolean repeatable,
      boolean required,
      boolean inherited,
      String description) {
    this.names = List.copyOf(names);
    if (this.names.isEmpty()) {
      throw new IllegalArgumentException("an option needs at least one name");
    }
    for (String name : this.names) {
      checkName(name);
    }
    if (label == null && (repeatable || required)) {
      throw new IllegalArgumentException(
          "flag " + names.get(0) + " takes no value, so it cannot be repeatable or required");
    }
    if (label != null && label.isEmpty()) {
      throw new IllegalArgumentException("option " + names.get(0) + " has an empty label");
    }
    if (description == null) {
      throw new IllegalArgumentException("option " + names.get(0) + " has no description");
    }
    this.label = label;
    this.repeatable = repeatable;
    this.required = required;
    this.inherited = inherited;
    this.description = description;
  }

  /** Returns a flag: an option without a value that is either given or not. */
  public static OptionSpec flag(String name, String description) {
    return new OptionSpec(List.of(name), null, false, false, false, description);
  }

  /** Returns an option that takes one value, shown in help as {@code label}. */
  public static OptionSpec valued(String name, String label, String description) {
    return new OptionSpec(List.of(name), label, false, false, false, description);
  }

  /** Returns this option with one more name, such as the short {@code -o} of {@code --output}. */
  public OptionSpec alias(String name) {
    List<String> more = new ArrayList<>(names);
    more.add(name);
    return new OptionSpec(more, label, repeatable, required, inherited, description);
  }

  /** Returns this option accepting any number of occurrences, whose values are kept in order. */
  public OptionSpec repeatable() {
    return new OptionSpec(names, label, true, required, inherited, description);
  }

  /** Returns this option as one that every command line must give. */
  public OptionSpec required() {
    return new OptionSpec(names, label, repeatable, true, inherited, description);
  }

  /** Returns this option as one that the subcommands of its command accept too. */
  public OptionSpec inherited() {
    return new OptionSpec(names, label, repeatable, required, true, description);
  }

  /** Returns the names, in the order they were declared. */
  public List<String> names() {
    return names;
  }

  /** Returns the placeholder of the value in help, such as {@code FILE}, or null for a flag. */
  public String label() {
    return label;
  }

  /** Returns whether the option may be given more than once, each time adding a value. */
  public boolean isRepeatable() {
    return repeatable;
  }

  /** Returns whether every command line must give the option. */
  public boolean isRequired() {
    return required;
  }

  /** Returns whether the subcommands of the declaring command accept the option too. */
  public boolean isInherited() {
    return inherited;
  }

  /** Returns the help text. */
  public String description() {
    return description;
  }

  /** Returns whether the option takes a value. */
  public boolean takesValue() {
    return label != null;
  }

  /** Returns the name that messages use: the first long name, else the first name. */
  public String name() {
    for (String name : names) {
      if (name.startsWith("--")) {
        return name;
      }
    }
    return names.get(0);
  }

  private static void checkName(String name) {
    boolean shortName = name.length() == 2 && name.charAt(0) == '-' && name.charAt(1) != '-';
    boolean longName = name.length() > 2 && name.startsWith("--") && name.charAt(2) != '-';
    if (!shortName && !longName) {
      throw new IllegalArgumentException(
          "invalid option name '" + name + "': expected -X or --NAME");
    }
    if (name.indexOf('=') >= 0 || name.indexOf(' ') >= 0) {
      throw new IllegalArgumentException(
          "invalid option name '" + name + "': it must not contain '=' or a space");
    }
  }
}
