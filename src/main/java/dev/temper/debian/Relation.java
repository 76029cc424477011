package dev.temper.debian;

import java.util.Optional;

/**
 * One package relation atom such as {@code libc6:any (>= 2.36)}: a package name, an optional
 * architecture qualifier and an optional version constraint.
 *
 * @param name the package name, lower case
 * @param archQualifier the text after ':' ({@code any}, {@code native} or an architecture), or null
 * @param operator the version operator, or null when the relation names no version
 * @param version the version the operator compares against, or null with no operator
 */
public record Relation(String name, String archQualifier, Operator operator, Version version) {

  /** The version operators of Debian policy section 7.1. */
  public enum Operator {
    LESS("<<"),
    LESS_OR_EQUAL("<="),
    EQUAL("="),
    GREATER_OR_EQUAL(">="),
    GREATER(">>");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** Returns the operator as written in control files. */
    public String symbol() {
      return symbol;
    }

    /**
     * Parses an operator, accepting the obsolete {@code <} and {@code >}, which mean {@code <=} and
     * {@code >=}.
     */
    public static Operator parse(String text) {
      return switch (text) {
        case "<<" -> LESS;
        case "<=", "<" -> LESS_OR_EQUAL;
        case "=" -> EQUAL;
        case ">=", ">" -> GREATER_OR_EQUAL;
        case ">>" -> GREATER;
        default -> throw new IllegalArgumentException("unknown version operator '" + text + "'");
      };
    }

    /** Returns whether {@code candidate OP reference} holds. */
    public boolean test(Version candidate, Version reference) {
      int c = candidate.compareTo(reference);
      return switch (this) {
        case LESS -> c < 0;
        case LESS_OR_EQUAL -> c <= 0;
        case EQUAL -> c == 0;
        case GREATER_OR_EQUAL -> c >= 0;
        case GREATER -> c > 0;
      };
    }
  }

  public Relation {
    if ((operator == null) != (version == null)) {
      throw new IllegalArgumentException("operator and version must be given together");
    }
  }

  /** Creates a relation without a version constraint or architecture qualifier. */
  public static Relation unversioned(String name) {
    return new Relation(name, null, null, null);
  }

  /** Returns whether this relation constrains the version. */
  public boolean isVersioned() {
    return operator != null;
  }

  /** Returns the architecture qualifier, if the relation has one. */
  public Optional<String> qualifier() {
    return Optional.ofNullable(archQualifier);
  }

  /** Returns whether a package at this version meets the version constraint, if there is one. */
  public boolean acceptsVersion(Version candidate) {
    return operator == null || operator.test(candidate, version);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(name);
    if (archQualifier != null) {
      out.append(':').append(archQualifier);
    }
    if (operator != null) {
      out.append(" (").append(operator.symbol()).append(' ').append(version).append(')');
    }
    return out.toString();
  }
}
