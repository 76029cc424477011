package dev.temper.sign;

import dev.temper.testing.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the JavaScript checkers in {@code src/test/node}: an independent cosign key implementation
 * and sigstore-js's bundle verifier. The npm packages come from its {@code package-lock.json}.
 */
public final class NodeScripts {
  private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();

  private NodeScripts() {}

  /** Installs the locked npm packages unless they are there already. */
  public static void install() throws Exception {
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@sigstore/verify"))) {
      ProcessRun.run(NODE_DIR, Map.of(), List.of(), List.of("npm", "ci", "--no-audit", "--no-fund"))
          .requireSuccess();
    }
  }

  /** Runs {@code node SCRIPT ARGUMENTS} in {@code dir}, without the caller's COSIGN_PASSWORD. */
  public static ProcessRun run(
      Path dir, Map<String, String> environment, String script, String... arguments)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("node", NODE_DIR.resolve(script).toString()));
    command.addAll(List.of(arguments));
    return ProcessRun.run(dir, environment, List.of("COSIGN_PASSWORD"), command);
  }

  /**
   * Verifies a bundle file with sigstore-js, trusting only {@code publicKey}.
   *
   * @param artifact the signed bytes of a message-signature bundle, or null for a DSSE bundle
   */
  public static ProcessRun verifyBundle(Path dir, Path bundle, Path publicKey, Path artifact)
      throws Exception {
    if (artifact == null) {
      return run(dir, Map.of(), "verify-bundle.js", bundle.toString(), publicKey.toString());
    }
    return run(
        dir,
        Map.of(),
        "verify-bundle.js",
        bundle.toString(),
        publicKey.toString(),
        artifact.toString());
  }
}
