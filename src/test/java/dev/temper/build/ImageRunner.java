package dev.temper.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an image of an OCI layout the way production would: {@code umoci unpack} makes a runc
 * bundle, {@code runc run} starts it as the image's user. The bundle keeps the host's network
 * namespace, so the container reaches servers the test runs on 127.0.0.1.
 */
final class ImageRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 120;

  /**
   * The outcome of one container run.
   *
   * @param exitCode the process's exit code, or runc's when the process could not start
   * @param output standard output and standard error together
   */
  record Run(int exitCode, String output) {}

  private final Path bundle;
  private int runs;

  private ImageRunner(Path bundle) {
    this.bundle = bundle;
  }

  /** Unpacks {@code oci:LAYOUT:TAG} into a bundle below {@code work}. */
  static ImageRunner unpack(Path layout, String tag, Path work) throws Exception {
    Path bundle = work.resolve("bundle");
    Fixtures.run("umoci", "unpack", "--image", layout + ":" + tag, bundle.toString());
    return new ImageRunner(bundle);
  }

  /** Returns the unpacked root file system. */
  Path rootfs() {
    return bundle.resolve("rootfs");
  }

  /** Runs the image's own entrypoint and command. */
  Run run() throws Exception {
    return run(null);
  }

  /** Runs the given arguments instead of the image's entrypoint and command, if not null. */
  Run run(List<String> arguments) throws Exception {
    ObjectNode config = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
    ObjectNode process = (ObjectNode) config.get("process");
    process.put("terminal", false);
    if (arguments != null) {
      ArrayNode args = process.putArray("args");
      arguments.forEach(args::add);
    }
    ArrayNode namespaces = (ArrayNode) config.get("linux").get("namespaces");
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      if (namespaces.get(i).get("type").asText().equals("network")) {
        namespaces.remove(i);
      }
    }
    JSON.writeValue(bundle.resolve("config.json").toFile(), config);
    String id = "temper-test-" + ProcessHandle.current().pid() + "-" + (++runs);
    List<String> command = new ArrayList<>(List.of("runc", "run", "--bundle"));
    command.add(bundle.toString());
    command.add(id);
    Process runc = new ProcessBuilder(command).redirectErrorStream(true).start();
    runc.getOutputStream().close();
    if (!runc.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      new ProcessBuilder("runc", "kill", id, "KILL").start().waitFor();
      runc.destroyForcibly();
      throw new AssertionError("container " + id + " still ran after " + TIMEOUT_SECONDS + " s");
    }
    String output = new String(runc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    new ProcessBuilder("runc", "delete", "--force", id).start().waitFor();
    return new Run(runc.exitValue(), output);
  }

  /** Returns the paths below the root whose names match the regular expression, sorted. */
  List<String> findNamed(String regex) throws Exception {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
    List<String> found = new ArrayList<>();
    try (var walk = Files.walk(rootfs())) {
      for (Path path : walk.sorted().toList()) {
        if (!path.equals(rootfs()) && pattern.matcher(path.getFileName().toString()).find()) {
          found.add("/" + rootfs().relativize(path));
        }
      }
    }
    return found;
  }

  /** Returns the regular files with a setuid or setgid bit. */
  List<String> findSetIdFiles() throws Exception {
    List<String> found = new ArrayList<>();
    try (var walk = Files.walk(rootfs())) {
      for (Path path : walk.toList()) {
        if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          int mode =
              (Integer)
                  Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
          if ((mode & 06000) != 0) {
            found.add("/" + rootfs().relativize(path));
          }
        }
      }
    }
    return found;
  }
}
