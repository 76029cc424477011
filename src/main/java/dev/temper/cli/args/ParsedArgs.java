package dev.temper.cli.args;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of one command line, sorted by the option or parameter they belong to. Values stay text
 * until a command reads them, and a value that does not convert then is a {@link UsageException}
 * that names the option and the value.
 *
 * <p>Options are read by any of their names, such as {@code "--output"} or {@code "-o"}, and
 * parameters by their label, such as {@code "REF"}. The options of the commands before the selected
 * subcommand can be read too. Reading a name that the command does not declare, or reading a flag
 * as a value, is a programming error and throws {@link IllegalArgumentException}.
 */
public final class ParsedArgs {
  /** The kind of run that a command line requests. */
  enum Request {
    RUN,
    HELP,
    VERSION
  }

  private final List<CommandSpec> commands;
  private final Map<String, OptionSpec> accepted;
  private final Map<OptionSpec, List<String>> options;
  private final Map<ParameterSpec, List<String>> parameters;
  private final Request request;

  ParsedArgs(
      List<CommandSpec> commands,
      Map<String, OptionSpec> accepted,
      Map<OptionSpec, List<String>> options,
      Map<ParameterSpec, List<String>> parameters,
      Request request) {
    this.commands = List.copyOf(commands);
    this.accepted = accepted;
    this.options = options;
    this.parameters = parameters;
    this.request = request;
  }

  /** Returns the command that the command line selected: the root or the last subcommand. */
  public CommandSpec command() {
    return commands.get(commands.size() - 1);
  }

  /** Returns the names of the root command and the selected subcommands, in order. */
  public List<String> commandNames() {
    List<String> names = new ArrayList<>(commands.size());
    for (CommandSpec command : commands) {
      names.add(command.name());
    }
    return names;
  }

  /** Returns the selected command as a user types it, such as {@code temper db import}. */
  public String commandPath() {
    return String.join(" ", commandNames());
  }

  /** Returns whether {@code -h} or {@code --help} came before anything that failed to parse. */
  public boolean helpRequested() {
    return request == Request.HELP;
  }

  /** Returns whether {@code -V} or {@code --version} came before anything that failed to parse. */
  public boolean versionRequested() {
    return request == Request.VERSION;
  }

  /** Returns the help of the selected command. */
  public String help() {
    return HelpFormatter.format(commands);
  }

  /** Returns whether the option or parameter appears on the command line. */
  public boolean has(String key) {
    if (key.startsWith("-")) {
      return options.containsKey(option(key));
    }
    return parameters.containsKey(parameter(key));
  }

  /** Returns whether the flag was given. */
  public boolean flag(String name) {
    OptionSpec option = option(name);
    if (option.takesValue()) {
      throw new IllegalArgumentException(name + " takes a value; read it as one");
    }
    return options.containsKey(option);
  }

  /** Returns the value of a single-valued option or parameter, or null when it is absent. */
  public String string(String key) {
    List<String> values = texts(single(key));
    return values.isEmpty() ? null : values.get(0);
  }

  /** Returns the value of a single-valued option or parameter, or {@code defaultValue}. */
  public String string(String key, String defaultValue) {
    String value = string(key);
    return value == null ? defaultValue : value;
  }

  /** Returns every value of an option or parameter in command-line order, or an empty list. */
  public List<String> strings(String key) {
    return List.copyOf(texts(key));
  }

  /** Returns the value as a path, or null when it is absent. */
  public Path path(String key) {
    String text = string(key);
    return text == null ? null : toPath(key, text);
  }

  /** Returns every value as a path, in command-line order. */
  public List<Path> paths(String key) {
    List<Path> paths = new ArrayList<>();
    for (String text : texts(key)) {
      paths.add(toPath(key, text));
    }
    return paths;
  }

  /** Returns the value as a whole number, or null when it is absent. */
  public Long longValue(String key) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw invalid(key, "'" + text + "' is not a whole number");
    }
  }

  /** Returns the value as a whole number, or {@code defaultValue} when it is absent. */
  public long longValue(String key, long defaultValue) {
    Long value = longValue(key);
    return value == null ? defaultValue : value;
  }

  /**
   * Returns the constant whose name is the value, matched with case, or {@code defaultValue} when
   * the value is absent.
   */
  public <E extends Enum<E>> E choice(String key, E[] choices, E defaultValue) {
    String text = string(key);
    if (text == null) {
      return defaultValue;
    }
    // No two choices of one option differ only in case, so case does not matter.
    for (E choice : choices) {
      if (choice.name().equalsIgnoreCase(text)) {
        return choice;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E choice : choices) {
      names.append(names.length() == 0 ? "" : ", ").append(choice.name());
    }
    throw invalid(key, "'" + text + "' is not one of " + names);
  }

  /**
   * Returns the values of a repeatable {@code KEY=VALUE} option as a map in command-line order. A
   * later value of the same key replaces the earlier one, and each value is split at its first
   * {@code =}.
   */
  public Map<String, String> keyValues(String key) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String text : texts(key)) {
      int equals = text.indexOf('=');
      if (equals < 0) {
        throw invalid(key, "'" + text + "' has no '=': expected KEY=VALUE");
      }
      map.put(text.substring(0, equals), text.substring(equals + 1));
    }
    return map;
  }

  /**
   * Returns the value converted by {@code converter}, or null when it is absent.
   *
   * @throws UsageException when the converter rejects the value, with the converter's reason
   */
  public <T> T value(String key, Converter<T> converter) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    try {
      return converter.convert(text);
    } catch (IllegalArgumentException e) {
      throw invalid(key, e.getMessage());
    }
  }

  private Path toPath(String key, String text) {
    // Path.of("") is the working directory, which no option or parameter that takes a file means.
    if (text.isEmpty()) {
      throw invalid(key, "the path is empty");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw invalid(key, "'" + text + "' is not a valid path: " + e.getReason());
    }
  }

  private UsageException invalid(String key, String reason) {
    String subject =
        key.startsWith("-") ? "option '" + option(key).name() + "'" : "parameter " + key;
    return new UsageException(commandPath(), "invalid value for " + subject + ": " + reason);
  }

  /** Returns the key after checking that its option or parameter takes at most one value. */
  private String single(String key) {
    boolean many = key.startsWith("-") ? option(key).isRepeatable() : parameter(key).variadic();
    if (many) {
      throw new IllegalArgumentException(key + " may hold several values; read them as a list");
    }
    return key;
  }

  private List<String> texts(String key) {
    if (key.startsWith("-")) {
      OptionSpec option = option(key);
      if (!option.takesValue()) {
        throw new IllegalArgumentException(key + " is a flag; read it with flag()");
      }
      List<String> values = options.get(option);
      return values == null ? List.of() : values;
    }
    List<String> values = parameters.get(parameter(key));
    return values == null ? List.of() : values;
  }

  /** Returns the option of that name: one the selected command accepts, else an ancestor's. */
  private OptionSpec option(String name) {
    OptionSpec option = accepted.get(name);
    for (int i = commands.size() - 2; option == null && i >= 0; i--) {
      option = commands.get(i).optionsByName().get(name);
    }
    if (option == null) {
      throw new IllegalArgumentException(commandPath() + " declares no option " + name);
    }
    return option;
  }

  private ParameterSpec parameter(String label) {
    for (ParameterSpec parameter : command().parameters()) {
      if (parameter.label().equals(label)) {
        return parameter;
      }
    }
    throw new IllegalArgumentException(commandPath() + " declares no parameter " + label);
  }
}
