package dev.temper.cli.args;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declaration of a command: its name, help text, options, positional parameters and
 * subcommands. Every command also accepts {@link #HELP} and {@link #VERSION}.
 */
public final class CommandSpec {
  /** The {@code -h, --help} option that every command accepts. */
  public static final OptionSpec HELP =
      OptionSpec.flag("--help", "Print this help and exit.").alias("-h");

  /** The {@code -V, --version} option that every command accepts. */
  public static final OptionSpec VERSION =
      OptionSpec.flag("--version", "Print the version and exit.").alias("-V");

  private final String name;
  private final List<String> description;
  private final String footer;
  private final List<OptionSpec> options;
  private final List<ParameterSpec> parameters;
  private final Subcommands subcommands;
  private final Map<String, OptionSpec> optionsByName;

  private CommandSpec(Builder builder) {
    this.name = builder.name;
    this.description = List.copyOf(builder.description);
    this.footer = builder.footer;
    this.options = List.copyOf(builder.options);
    this.parameters = List.copyOf(builder.parameters);
    this.subcommands = builder.subcommands;
    Map<String, OptionSpec> byName = new HashMap<>();
    for (OptionSpec option : builder.options) {
      addNames(byName, option);
    }
    addNames(byName, HELP);
    addNames(byName, VERSION);
    this.optionsByName = Map.copyOf(byName);
  }

  /** Starts the declaration of the command called {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Returns the name that selects the command, such as {@code pull}. */
  public String name() {
    return name;
  }

  /** Returns the paragraphs of the description. Command lists in help show the first one. */
  public List<String> description() {
    return description;
  }

  /**
   * Returns the text that help prints last, in which {@code %n} stands for a line break, or the
   * empty string.
   */
  public String footer() {
    return footer;
  }

  /** Returns the declared options in help order, without {@link #HELP} and {@link #VERSION}. */
  public List<OptionSpec> options() {
    return options;
  }

  /** Returns the positional parameters in order. */
  public List<ParameterSpec> parameters() {
    return parameters;
  }

  /** Returns the subcommands, or empty for a command that runs by itself. */
  public Optional<Subcommands> subcommands() {
    return Optional.ofNullable(subcommands);
  }

  /** Returns every option name of this command, mapped to its option. */
  Map<String, OptionSpec> optionsByName() {
    return optionsByName;
  }

  private static void addNames(Map<String, OptionSpec> byName, OptionSpec option) {
    for (String optionName : option.names()) {
      if (byName.put(optionName, option) != null) {
        throw new IllegalArgumentException("option " + optionName + " declared twice");
      }
    }
  }

  /** Collects the parts of a command declaration. */
  public static final class Builder {
    private final String name;
    private final List<String> description = new ArrayList<>();
    private String footer = "";
    private final List<OptionSpec> options = new ArrayList<>();
    private final List<ParameterSpec> parameters = new ArrayList<>();
    private Subcommands subcommands;

    private Builder(String name) {
      if (name == null || name.isEmpty() || name.startsWith("-") || name.indexOf(' ') >= 0) {
        throw new IllegalArgumentException("invalid command name '" + name + "'");
      }
      this.name = name;
    }

    /** Adds paragraphs to the description. */
    public Builder describe(String... paragraphs) {
      description.addAll(List.of(paragraphs));
      return this;
    }

    /** Sets the text that help prints last. In it, {@code %n} stands for a line break. */
    public Builder footer(String text) {
      footer = text;
      return this;
    }

    /** Adds a flag, an option without a value. */
    public Builder flag(String optionName, String help) {
      return option(OptionSpec.flag(optionName, help));
    }

    /** Adds an option that takes one value and may be given at most once. */
    public Builder option(String optionName, String label, String help) {
      return option(OptionSpec.valued(optionName, label, help));
    }

    /** Adds an option that may be given any number of times, keeping each value in order. */
    public Builder repeatable(String optionName, String label, String help) {
      return option(OptionSpec.valued(optionName, label, help).repeatable());
    }

    /** Adds an option that takes one value and that every command line must give. */
    public Builder required(String optionName, String label, String help) {
      return option(OptionSpec.valued(optionName, label, help).required());
    }

    /** Adds an option declared in full, such as one with several names. */
    public Builder option(OptionSpec option) {
      options.add(option);
      return this;
    }

    /** Adds a group of options that several commands share. */
    public Builder options(List<OptionSpec> group) {
      options.addAll(group);
      return this;
    }

    /** Adds a parameter that every command line must give. */
    public Builder parameter(String label, String help) {
      return parameter(new ParameterSpec(label, help, false, false));
    }

    /** Adds a parameter that may be left out. Only optional parameters may follow it. */
    public Builder optionalParameter(String label, String help) {
      return parameter(new ParameterSpec(label, help, true, false));
    }

    /** Adds a last parameter that takes one or more words. */
    public Builder variadicParameter(String label, String help) {
      return parameter(new ParameterSpec(label, help, false, true));
    }

    /** Adds a parameter declared in full. */
    public Builder parameter(ParameterSpec parameter) {
      if (!parameters.isEmpty()) {
        ParameterSpec last = parameters.get(parameters.size() - 1);
        if (last.variadic()) {
          throw new IllegalArgumentException(
              "parameter "
                  + parameter.label()
                  + " follows "
                  + last.label()
                  + ", which is variadic");
        }
        if (last.optional() && !parameter.optional()) {
          throw new IllegalArgumentException(
              "required parameter " + parameter.label() + " follows optional " + last.label());
        }
      }
      for (ParameterSpec declared : parameters) {
        if (declared.label().equals(parameter.label())) {
          throw new IllegalArgumentException("parameter " + parameter.label() + " declared twice");
        }
      }
      parameters.add(parameter);
      return this;
    }

    /** Sets the subcommands, which a command with positional parameters cannot have. */
    public Builder subcommands(Subcommands commands) {
      subcommands = commands;
      return this;
    }

    /**
     * Returns the declaration.
     *
     * @throws IllegalArgumentException when two options share a name, or the command has both
     *     parameters and subcommands
     */
    public CommandSpec build() {
      if (subcommands != null && !parameters.isEmpty()) {
        throw new IllegalArgumentException(
            "command " + name + " has both parameters and subcommands");
      }
      for (String paragraph : description) {
        if (paragraph == null) {
          throw new IllegalArgumentException("command " + name + " has a null description");
        }
      }
      return new CommandSpec(this);
    }
  }
}
