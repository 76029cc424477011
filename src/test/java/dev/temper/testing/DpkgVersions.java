package dev.temper.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the real {@code dpkg --compare-versions} about versions. One dpkg process per question is
 * too slow for tens of thousands of pairs, so pairs go to a few {@code bash} loops in parallel,
 * each reading a pairs file and printing one result per line.
 */
public final class DpkgVersions {
  /** What dpkg thinks of a version string on its own. */
  public enum Verdict {
    /** dpkg accepts it silently. */
    VALID,
    /** dpkg accepts it but prints a warning about bad syntax. */
    WARNING,
    /** dpkg rejects it with an error. */
    ERROR
  }

  // dpkg exits 0 when the relation holds, 1 when it does not and 2 on a syntax error.
  private static final String LOOP =
      "while IFS=$'\\t' read -r a b; do"
          + " dpkg --compare-versions -- \"$a\" lt \"$b\"; r=$?;"
          + " if [ $r = 0 ]; then echo lt; continue; fi;"
          + " if [ $r = 2 ]; then echo error; continue; fi;"
          + " if dpkg --compare-versions -- \"$a\" eq \"$b\"; then echo eq; else echo gt; fi;"
          + " done";

  private DpkgVersions() {}

  /**
   * Compares each pair with dpkg.
   *
   * @return for each pair in order, -1, 0 or 1 as dpkg orders them, or {@code null} if dpkg
   *     reported a syntax error
   */
  public static List<Integer> compare(List<String[]> pairs, Path workDir, int processes)
      throws IOException, InterruptedException {
    int chunkSize = (pairs.size() + processes - 1) / processes;
    List<Process> running = new ArrayList<>();
    for (int p = 0; p * chunkSize < pairs.size(); p++) {
      List<String[]> chunk =
          pairs.subList(p * chunkSize, Math.min(pairs.size(), (p + 1) * chunkSize));
      Path input = workDir.resolve("pairs-" + p + ".tsv");
      List<String> lines = new ArrayList<>(chunk.size());
      for (String[] pair : chunk) {
        lines.add(pair[0] + "\t" + pair[1]);
      }
      Files.write(input, lines, StandardCharsets.UTF_8);
      ProcessBuilder builder = new ProcessBuilder("bash", "-c", LOOP);
      builder.environment().put("LC_ALL", "C");
      builder.redirectInput(input.toFile());
      builder.redirectOutput(workDir.resolve("results-" + p + ".txt").toFile());
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
      running.add(builder.start());
    }
    List<Integer> results = new ArrayList<>(pairs.size());
    for (int p = 0; p < running.size(); p++) {
      int exit = running.get(p).waitFor();
      if (exit != 0) {
        throw new IOException("the dpkg comparison loop exited with status " + exit);
      }
      for (String line : Files.readAllLines(workDir.resolve("results-" + p + ".txt"))) {
        results.add(toOrder(line));
      }
    }
    if (results.size() != pairs.size()) {
      throw new IOException("dpkg returned " + results.size() + " results for " + pairs.size());
    }
    return results;
  }

  private static Integer toOrder(String line) {
    return switch (line) {
      case "lt" -> -1;
      case "eq" -> 0;
      case "gt" -> 1;
      case "error" -> null;
      default -> throw new IllegalStateException("unexpected dpkg loop output '" + line + "'");
    };
  }

  /** Returns what dpkg says about a single version string. */
  public static Verdict verdict(String version) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("dpkg", "--compare-versions", "--", version, "eq", "0");
    builder.environment().put("LC_ALL", "C");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit == 2) {
      return Verdict.ERROR;
    }
    return output.contains("warning") ? Verdict.WARNING : Verdict.VALID;
  }
}
