package dev.temper.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The subcommands of a command. The parser looks up only the one that a command line names, so an
 * implementation can build each declaration on demand and leave the others' classes unloaded.
 */
public interface Subcommands {
  /** Returns the names of the subcommands, in the order that help lists them. */
  List<String> names();

  /** Returns the declaration of the named subcommand, or empty when there is none. */
  Optional<CommandSpec> find(String name);

  /** Returns subcommands whose declarations are all built already. */
  static Subcommands of(CommandSpec... commands) {
    List<String> names = new ArrayList<>();
    for (CommandSpec command : commands) {
      if (names.contains(command.name())) {
        throw new IllegalArgumentException("subcommand " + command.name() + " declared twice");
      }
      names.add(command.name());
    }
    List<CommandSpec> declared = List.of(commands);
    List<String> order = List.copyOf(names);
    return new Subcommands() {
      @Override
      public List<String> names() {
        return order;
      }

      @Override
      public Optional<CommandSpec> find(String name) {
        for (CommandSpec command : declared) {
          if (command.name().equals(name)) {
            return Optional.of(command);
          }
        }
        return Optional.empty();
      }
    };
  }
}
