package dev.temper.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM that runs a test's own main class on this JVM's class path, for tests of what
 * happens when a process is signalled or exits, which a test cannot do to its own JVM.
 */
public final class ChildJvm {
  private static final String READY = "ready\n";

  private ChildJvm() {}

  /**
   * Starts {@code main} with {@code args}, standard error merged into standard output, and waits
   * until the child prints {@code ready} on a line of its own.
   *
   * @throws IllegalStateException when the child prints anything else first
   */
  public static Process startReady(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String first =
        new String(child.getInputStream().readNBytes(READY.length()), StandardCharsets.UTF_8);
    if (!first.equals(READY)) {
      child.destroyForcibly();
      throw new IllegalStateException("the child printed '" + first + "' instead of ready");
    }
    return child;
  }
}
