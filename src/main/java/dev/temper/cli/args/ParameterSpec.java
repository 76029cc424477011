package dev.temper.cli.args;

/**
 * The declaration of one positional parameter.
 *
 * @param label the name of the parameter in help and messages, such as {@code REF}
 * @param description the help text
 * @param optional whether the parameter may be left out
 * @param variadic whether the parameter takes every remaining word; only the last one may
 */
public record ParameterSpec(String label, String description, boolean optional, boolean variadic) {

  /**
   * Checks the declaration.
   *
   * @throws IllegalArgumentException when the label is empty or starts with {@code -}, which would
   *     make it look like an option name
   */
  public ParameterSpec {
    if (label == null || label.isEmpty() || label.startsWith("-")) {
      throw new IllegalArgumentException(
          "invalid parameter label '" + label + "': it must not be empty or start with '-'");
    }
    if (description == null) {
      throw new IllegalArgumentException("parameter " + label + " has no description");
    }
  }

  /** Returns how the parameter appears in a usage line, such as {@code [IMAGE...]}. */
  String synopsis() {
    String word = variadic ? label + "..." : label;
    return optional ? "[" + word + "]" : word;
  }

  // The parser keys a map by parameter. equals and hashCode are written out because a record's
  // generated ones link method handles on their first call, which took about 20 ms of every
  // command's start.
  @Override
  public boolean equals(Object other) {
    return other instanceof ParameterSpec spec
        && label.equals(spec.label)
        && description.equals(spec.description)
        && optional == spec.optional
        && variadic == spec.variadic;
  }

  @Override
  public int hashCode() {
    return label.hashCode();
  }
}
