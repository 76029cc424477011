package dev.temper.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders the help of a command: a usage line, the description, the subcommands, the parameters and
 * the options, each with its description wrapped at 80 columns, then the footer.
 */
public final class HelpFormatter {
  /** The width that help text is wrapped to, in characters. */
  static final int WIDTH = 80;

  /**
   * The largest column at which descriptions start. A longer option or parameter gets a line of its
   * own, with its description on the lines below.
   */
  static final int MAX_COLUMN = 30;

  private static final int GAP = 2;
  private static final String INDENT = "  ";

  private HelpFormatter() {}

  /**
   * Returns the help of the last command in {@code commands}, which lists the root command first
   * and then each subcommand on the way to the last one.
   */
  public static String format(List<CommandSpec> commands) {
    CommandSpec command = commands.get(commands.size() - 1);
    StringBuilder out = new StringBuilder();
    usage(out, path(commands), command);

    if (!command.description().isEmpty()) {
      out.append('\n');
      for (String paragraph : command.description()) {
        appendLines(out, wrap(paragraph, WIDTH), "");
      }
    }
    Optional<Subcommands> subcommands = command.subcommands();
    if (subcommands.isPresent()) {
      out.append("\nCommands:\n");
      subcommandList(out, subcommands.get());
    }

    // Parameters and options share one column, so their descriptions line up.
    List<String[]> parameters = new ArrayList<>();
    for (ParameterSpec parameter : command.parameters()) {
      String label = parameter.variadic() ? parameter.label() + "..." : parameter.label();
      parameters.add(new String[] {INDENT + label, parameter.description()});
    }
    List<String[]> options = new ArrayList<>();
    for (OptionSpec option : helpOptions(commands)) {
      options.add(new String[] {optionTerm(option), option.description()});
    }
    List<String[]> all = new ArrayList<>(parameters);
    all.addAll(options);
    int column = column(all);

    if (!parameters.isEmpty()) {
      out.append("\nParameters:\n");
      entries(out, parameters, column);
    }
    out.append("\nOptions:\n");
    entries(out, options, column);
    out.append(command.footer().replace("%n", "\n"));
    return out.toString();
  }

  private static void usage(StringBuilder out, String path, CommandSpec command) {
    List<String> words = new ArrayList<>();
    for (OptionSpec option : command.options()) {
      if (option.isRequired()) {
        words.add(option.name() + "=" + option.label());
      }
    }
    words.add("[OPTIONS]");
    if (command.subcommands().isPresent()) {
      words.add("COMMAND");
    }
    for (ParameterSpec parameter : command.parameters()) {
      words.add(parameter.synopsis());
    }
    String start = "Usage: " + path + " ";
    String indent = " ".repeat(start.length());
    List<String> lines = wrap(String.join(" ", words), WIDTH - start.length());
    out.append(start).append(lines.get(0)).append('\n');
    appendLines(out, lines.subList(1, lines.size()), indent);
  }

  private static void subcommandList(StringBuilder out, Subcommands subcommands) {
    List<String[]> entries = new ArrayList<>();
    int column = 0;
    for (String name : subcommands.names()) {
      Optional<CommandSpec> subcommand = subcommands.find(name);
      List<String> description =
          subcommand.isPresent() ? subcommand.get().description() : List.of();
      entries.add(new String[] {INDENT + name, description.isEmpty() ? "" : description.get(0)});
      column = Math.max(column, INDENT.length() + name.length() + GAP);
    }
    entries(out, entries, column);
  }

  /**
   * Returns the options that the command accepts: its own, the inherited ones, help and version.
   */
  private static List<OptionSpec> helpOptions(List<CommandSpec> commands) {
    CommandSpec command = commands.get(commands.size() - 1);
    List<OptionSpec> options = new ArrayList<>(command.options());
    for (CommandSpec ancestor : commands.subList(0, commands.size() - 1)) {
      for (OptionSpec option : ancestor.options()) {
        if (option.isInherited()) {
          options.add(option);
        }
      }
    }
    options.add(CommandSpec.HELP);
    options.add(CommandSpec.VERSION);
    return options;
  }

  /** Returns an option as help lists it, such as {@code -o, --output=REF}. */
  static String optionTerm(OptionSpec option) {
    List<String> shortNames = new ArrayList<>();
    List<String> longNames = new ArrayList<>();
    for (String name : option.names()) {
      if (name.startsWith("--")) {
        longNames.add(name);
      } else {
        shortNames.add(name);
      }
    }
    List<String> names = new ArrayList<>(shortNames);
    names.addAll(longNames);
    String term = String.join(", ", names);
    if (option.takesValue()) {
      term += (longNames.isEmpty() ? " " : "=") + option.label();
    }
    // Long names line up whether or not a short name comes first.
    return (shortNames.isEmpty() ? INDENT + "    " : INDENT) + term;
  }

  /** Returns the column where descriptions start: after the longest term that fits before it. */
  private static int column(List<String[]> entries) {
    int column = 0;
    for (String[] entry : entries) {
      int end = entry[0].length() + GAP;
      if (end <= MAX_COLUMN) {
        column = Math.max(column, end);
      }
    }
    return column == 0 ? MAX_COLUMN : column;
  }

  private static void entries(StringBuilder out, List<String[]> entries, int column) {
    String indent = " ".repeat(column);
    for (String[] entry : entries) {
      String term = entry[0];
      List<String> lines = wrap(entry[1], WIDTH - column);
      if (term.length() + GAP > column) {
        out.append(term).append('\n');
        appendLines(out, lines, indent);
      } else {
        String first = lines.get(0);
        out.append(first.isEmpty() ? term : term + " ".repeat(column - term.length()) + first);
        out.append('\n');
        appendLines(out, lines.subList(1, lines.size()), indent);
      }
    }
  }

  private static void appendLines(StringBuilder out, List<String> lines, String indent) {
    for (String line : lines) {
      out.append(line.isEmpty() ? "" : indent + line).append('\n');
    }
  }

  /**
   * Breaks {@code text} at spaces into lines of at most {@code width} characters. A word longer
   * than that gets a line of its own. Returns at least one line.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(' ', start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start) {
        String word = text.substring(start, end);
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.length() == 0 ? "" : " ").append(word);
      }
      start = end + 1;
    }
    lines.add(line.toString());
    return lines;
  }

  private static String path(List<CommandSpec> commands) {
    StringBuilder path = new StringBuilder();
    for (CommandSpec command : commands) {
      path.append(path.length() == 0 ? "" : " ").append(command.name());
    }
    return path.toString();
  }
}
