package dev.temper.testing;

import dev.temper.debian.repository.MirrorResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The "typical" image that hardened images are compared with, made the way the real world makes
 * one: {@code debootstrap --variant=minbase bookworm} plus a headless JRE and curl, from the mirror
 * of the host's apt sources, packed as an OCI layout by {@code umoci repack}. It is made once per
 * test JVM, because debootstrap takes minutes, and removed when the JVM exits.
 */
public final class TypicalImage {
  /** The tag of the image in {@link #layout()}. */
  public static final String TAG = "typical";

  private static Path work;

  private TypicalImage() {}

  /** Returns the root file system directory that debootstrap made. */
  public static synchronized Path rootfs() throws Exception {
    make();
    return work.resolve("rootfs");
  }

  /** Returns the OCI layout holding the image under {@link #TAG}. */
  public static synchronized Path layout() throws Exception {
    make();
    return work.resolve("layout");
  }

  /** Returns the image reference, {@code oci:LAYOUT:typical}. */
  public static String reference() throws Exception {
    return "oci:" + layout() + ":" + TAG;
  }

  private static void make() throws Exception {
    if (work != null) {
      return;
    }
    Path directory = Files.createTempDirectory("temper-typical");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(directory)));
    Path rootfs = directory.resolve("rootfs");
    String mirror = MirrorResolver.fromHost().mirrorFor("bookworm").toString();
    run(
        directory,
        20,
        "debootstrap",
        "--variant=minbase",
        "--include=openjdk-17-jre-headless,curl",
        "bookworm",
        rootfs.toString(),
        mirror);

    Path layout = directory.resolve("layout");
    Path bundle = directory.resolve("bundle");
    run(directory, 2, "umoci", "init", "--layout", layout.toString());
    run(directory, 2, "umoci", "new", "--image", layout + ":" + TAG);
    run(directory, 5, "umoci", "unpack", "--image", layout + ":" + TAG, bundle.toString());
    run(directory, 5, "cp", "-a", rootfs + "/.", bundle.resolve("rootfs").toString());
    run(directory, 20, "umoci", "repack", "--image", layout + ":" + TAG, bundle.toString());
    run(directory, 5, "rm", "-rf", bundle.toString());
    work = directory;
  }

  private static void run(Path directory, long minutes, String... command) throws Exception {
    Path output = Files.createTempFile(directory, "command", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "timed out after " + minutes + " min: " + String.join(" ", command));
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed:\n" + Files.readString(output));
    }
  }

  private static void remove(Path directory) {
    // rm, because the root file system holds absolute symlinks and device nodes.
    try {
      new ProcessBuilder("rm", "-rf", directory.toString())
          .inheritIO()
          .start()
          .waitFor(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      Thread.currentThread().interrupt();
    }
  }
}
