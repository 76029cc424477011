package dev.temper.cli.args;

/**
 * Converts the text of an option or parameter to its type when a command reads it.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface Converter<T> {
  /**
   * Returns the value that {@code text} stands for.
   *
   * @throws IllegalArgumentException when the text is invalid; its message, which should quote the
   *     text, becomes the reason of the usage error
   */
  T convert(String text);
}
