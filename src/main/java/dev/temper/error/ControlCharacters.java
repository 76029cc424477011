package dev.temper.error;

/**
 * Escaping for text that reaches a terminal. Error messages quote what users and peers supplied,
 * such as an unknown option, a path in a tar file or a registry's error body. A terminal would act
 * on the escape sequences and line breaks in them.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /**
   * Returns {@code text} with each control character replaced by a backslash, {@code u} and the
   * character's four hex digits.
   */
  public static String escape(String text) {
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        if (escaped == null) {
          escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        escaped.append(String.format("\\u%04x", (int) c));
      } else if (escaped != null) {
        escaped.append(c);
      }
    }
    return escaped == null ? text : escaped.toString();
  }
}
