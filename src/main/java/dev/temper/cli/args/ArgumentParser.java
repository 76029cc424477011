package dev.temper.cli.args;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a command line against a {@link CommandSpec}.
 *
 * <p>The rules: {@code --name value} and {@code --name=value} for long options, {@code -o value}
 * (or {@code -o=value}) for short ones; a flag takes no value; an option that is not repeatable may
 * appear once; {@code --} ends the options, so every word after it is a parameter; a value that is
 * itself an option name of the command counts as missing. The first word of a command with
 * subcommands selects one, and the words after it are parsed against the subcommand, which also
 * accepts the options that its ancestors declare inherited. {@code -h}/{@code --help} and {@code
 * -V}/{@code --version} stop the parsing where they appear, so help works on an otherwise
 * incomplete command line.
 */
public final class ArgumentParser {
  private final List<CommandSpec> commands = new ArrayList<>();
  private final List<OptionSpec> inherited = new ArrayList<>();
  private final Map<OptionSpec, List<String>> options = new HashMap<>();
  private final List<String> words = new ArrayList<>();
  private Map<String, OptionSpec> accepted;
  private ParsedArgs.Request request = ParsedArgs.Request.RUN;

  private ArgumentParser(CommandSpec root) {
    commands.add(root);
    accepted = root.optionsByName();
  }

  /**
   * Parses {@code args} for the command {@code root}.
   *
   * @throws UsageException when the command line does not fit the declarations
   */
  public static ParsedArgs parse(CommandSpec root, String... args) {
    return new ArgumentParser(root).parseAll(args);
  }

  private ParsedArgs parseAll(String[] args) {
    boolean optionsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!optionsEnded && arg.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && arg.length() > 1 && arg.charAt(0) == '-') {
        i = readOption(args, i);
        if (request != ParsedArgs.Request.RUN) {
          return result(Map.of());
        }
      } else {
        readWord(arg);
      }
    }
    if (current().subcommands().isPresent()) {
      // The caller shows the help of a command that needs a subcommand and got none.
      return result(Map.of());
    }
    Map<ParameterSpec, List<String>> parameters = assignParameters();
    checkRequiredOptions();
    return result(parameters);
  }

  /** Reads the option at {@code args[index]} and returns the index of the last word it used. */
  private int readOption(String[] args, int index) {
    String arg = args[index];
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg : arg.substring(0, equals);
    OptionSpec option = accepted.get(name);
    if (option == null) {
      throw error("unknown option '" + name + "'" + suggestion(name, longNames()));
    }
    if (!option.takesValue() && equals >= 0) {
      throw error("option '" + name + "' takes no value, got '" + arg + "'");
    }
    if (option == CommandSpec.HELP || option == CommandSpec.VERSION) {
      request = option == CommandSpec.HELP ? ParsedArgs.Request.HELP : ParsedArgs.Request.VERSION;
      return index;
    }
    if (!option.takesValue()) {
      options.putIfAbsent(option, List.of());
      return index;
    }
    if (equals >= 0) {
      store(option, arg.substring(equals + 1));
      return index;
    }
    if (index + 1 < args.length && isValue(args[index + 1])) {
      store(option, args[index + 1]);
      return index + 1;
    }
    throw error("missing value for option '" + name + "' (" + option.label() + ")");
  }

  private void store(OptionSpec option, String value) {
    List<String> values = options.get(option);
    if (values == null) {
      values = new ArrayList<>(1);
      options.put(option, values);
    } else if (!option.isRepeatable()) {
      throw error("option '" + option.name() + "' may be given only once");
    }
    values.add(value);
  }

  /** Returns whether a word after an option can be its value: not {@code --} nor an option name. */
  private boolean isValue(String word) {
    return !word.equals("--") && !accepted.containsKey(word);
  }

  private void readWord(String word) {
    Optional<Subcommands> subcommands = current().subcommands();
    if (subcommands.isEmpty()) {
      words.add(word);
      return;
    }
    Optional<CommandSpec> subcommand = subcommands.get().find(word);
    if (subcommand.isEmpty()) {
      List<String> names = subcommands.get().names();
      String hint = suggestion(word, names);
      throw error(
          "'"
              + word
              + "' is not a "
              + path()
              + " command"
              + (hint.isEmpty() ? "; the commands are " + String.join(", ", names) : hint));
    }
    enter(subcommand.get());
  }

  /** Makes {@code subcommand} the command that the following words belong to. */
  private void enter(CommandSpec subcommand) {
    for (OptionSpec option : current().options()) {
      if (option.isInherited()) {
        inherited.add(option);
      }
    }
    Map<String, OptionSpec> names = new HashMap<>(subcommand.optionsByName());
    for (OptionSpec option : inherited) {
      for (String name : option.names()) {
        if (names.put(name, option) != null) {
          throw new IllegalArgumentException(
              "option " + name + " of " + subcommand.name() + " hides an inherited option");
        }
      }
    }
    accepted = names;
    commands.add(subcommand);
  }

  /** Returns the words of each parameter, after checking that their number fits. */
  private Map<ParameterSpec, List<String>> assignParameters() {
    List<ParameterSpec> declared = current().parameters();
    Map<ParameterSpec, List<String>> assigned = new LinkedHashMap<>();
    int next = 0;
    for (ParameterSpec parameter : declared) {
      if (next == words.size()) {
        break;
      }
      int end = parameter.variadic() ? words.size() : next + 1;
      assigned.put(parameter, List.copyOf(words.subList(next, end)));
      next = end;
    }
    if (next < words.size()) {
      List<String> extra = words.subList(next, words.size());
      throw error(
          (extra.size() == 1 ? "unexpected argument " : "unexpected arguments ")
              + quoted(extra)
              + ": "
              + path()
              + (declared.isEmpty() ? " takes no parameters" : " takes " + synopsis(declared)));
    }
    List<String> missing = new ArrayList<>();
    for (ParameterSpec parameter : declared) {
      if (!parameter.optional() && !assigned.containsKey(parameter)) {
        missing.add(parameter.label());
      }
    }
    if (!missing.isEmpty()) {
      throw error(
          (missing.size() == 1 ? "missing parameter " : "missing parameters ")
              + String.join(", ", missing));
    }
    return assigned;
  }

  private void checkRequiredOptions() {
    List<String> missing = new ArrayList<>();
    List<OptionSpec> all = new ArrayList<>(current().options());
    all.addAll(inherited);
    for (OptionSpec option : all) {
      if (option.isRequired() && !options.containsKey(option)) {
        missing.add("'" + option.name() + "=" + option.label() + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw error(
          (missing.size() == 1 ? "missing required option " : "missing required options ")
              + String.join(", ", missing));
    }
  }

  private ParsedArgs result(Map<ParameterSpec, List<String>> parameters) {
    return new ParsedArgs(commands, accepted, options, parameters, request);
  }

  private CommandSpec current() {
    return commands.get(commands.size() - 1);
  }

  private String path() {
    StringBuilder path = new StringBuilder();
    for (CommandSpec command : commands) {
      path.append(path.length() == 0 ? "" : " ").append(command.name());
    }
    return path.toString();
  }

  private UsageException error(String message) {
    return new UsageException(path(), message);
  }

  private static String synopsis(List<ParameterSpec> parameters) {
    StringBuilder text = new StringBuilder();
    for (ParameterSpec parameter : parameters) {
      text.append(text.length() == 0 ? "" : " ").append(parameter.synopsis());
    }
    return text.toString();
  }

  private static String quoted(List<String> words) {
    StringBuilder text = new StringBuilder();
    for (String word : words) {
      text.append(text.length() == 0 ? "'" : ", '").append(word).append('\'');
    }
    return text.toString();
  }

  /** Returns the long option names that the current command accepts, sorted. */
  private List<String> longNames() {
    List<String> names = new ArrayList<>();
    for (String name : accepted.keySet()) {
      if (name.startsWith("--")) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  /** Returns {@code "; did you mean 'NAME'?"} for a close candidate, or the empty string. */
  private static String suggestion(String word, List<String> candidates) {
    Optional<String> closest = Suggestions.closest(word, candidates);
    return closest.isPresent() ? "; did you mean '" + closest.get() + "'?" : "";
  }
}
