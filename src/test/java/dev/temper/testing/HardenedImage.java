package dev.temper.testing;

import dev.temper.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hardened image that temper builds from {@code examples/java17.yaml} through the real archive,
 * as {@code temper build} does. It is built once per test JVM into a temporary OCI layout.
 */
public final class HardenedImage {
  /** The tag of the image in {@link #layout()}. */
  public static final String TAG = "java17";

  private static Path layout;

  private HardenedImage() {}

  /** Returns the OCI layout holding the image under {@link #TAG}. */
  public static synchronized Path layout() throws Exception {
    if (layout == null) {
      Path directory = Files.createTempDirectory("temper-hardened");
      Path spec = directory.resolve("java17.yaml");
      Files.copy(Path.of("examples", "java17.yaml"), spec);
      Path target = directory.resolve("layout");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new String[] {"build", spec.toString(), "--output", "oci:" + target + ":" + TAG},
              new PrintWriter(out, true),
              new PrintWriter(err, true));
      if (code != 0) {
        throw new IllegalStateException("temper build failed with " + code + ":\n" + out + err);
      }
      layout = target;
    }
    return layout;
  }

  /** Returns the lock that the build wrote beside its copy of the spec. */
  public static Path lock() throws Exception {
    return layout().resolveSibling("java17.lock.json");
  }

  /** Returns the image reference, {@code oci:LAYOUT:java17}. */
  public static String reference() throws Exception {
    return "oci:" + layout() + ":" + TAG;
  }
}
