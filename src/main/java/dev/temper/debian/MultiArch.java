package dev.temper.debian;

/** The {@code Multi-Arch} field of a binary package. */
public enum MultiArch {
  NO,
  SAME,
  FOREIGN,
  ALLOWED;

  /** Parses the field value; an absent field means {@link #NO}. */
  public static MultiArch parse(String value) {
    if (value == null || value.isEmpty()) {
      return NO;
    }
    return switch (value) {
      case "no" -> NO;
      case "same" -> SAME;
      case "foreign" -> FOREIGN;
      case "allowed" -> ALLOWED;
      default -> throw new IllegalArgumentException("unknown Multi-Arch value '" + value + "'");
    };
  }
}
