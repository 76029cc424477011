package dev.temper.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the real-world style Dockerfiles kept under {@code src/test/resources}. */
public final class DockerfileFixtures {
  private DockerfileFixtures() {}

  /** Returns the text of a fixture such as {@code node.Dockerfile}. */
  public static String read(String name) throws IOException {
    try (InputStream in =
        DockerfileFixtures.class.getResourceAsStream("/dev/temper/audit/dockerfiles/" + name)) {
      if (in == null) {
        throw new IOException("no Dockerfile fixture named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
