package dev.temper.audit.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instruction of a Dockerfile after line continuations are joined.
 *
 * @param keyword the instruction in upper case, such as {@code FROM} or {@code RUN}
 * @param flags the leading {@code --name=value} options, such as {@code --from=build}, in order
 * @param arguments the text after the keyword and flags, continuations joined with a space
 * @param execForm the arguments as a JSON array of strings when written in exec form, else null
 * @param heredocs the here-documents that follow the instruction, in order
 * @param line the 1-based line where the instruction starts
 * @param endLine the 1-based last line, including continuations and here-documents
 * @param source the original text of those lines, unchanged
 */
public record Instruction(
    String keyword,
    Map<String, String> flags,
    String arguments,
    List<String> execForm,
    List<Heredoc> heredocs,
    int line,
    int endLine,
    String source) {

  public Instruction {
    flags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
    execForm = execForm == null ? null : List.copyOf(execForm);
    heredocs = List.copyOf(heredocs);
  }

  /** Returns whether the arguments are a JSON array (exec form). */
  public boolean isExecForm() {
    return execForm != null;
  }

  /** Returns the value of a flag such as {@code from}, if given. */
  public Optional<String> flag(String name) {
    return Optional.ofNullable(flags.get(name));
  }

  /**
   * A here-document such as {@code <<EOF ... EOF}.
   *
   * @param delimiter the word that ends it
   * @param body the lines between the instruction and the delimiter, joined with newlines
   * @param stripTabs whether it was opened with {@code <<-}, which strips leading tabs
   */
  public record Heredoc(String delimiter, String body, boolean stripTabs) {}
}
