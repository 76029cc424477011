package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.error.TemperException;
import dev.temper.sign.KeyFiles;
import dev.temper.sign.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/** {@code temper keygen}: writes a cosign-compatible ECDSA P-256 key pair. */
final class KeygenCommand implements Verb {
  private static final String DEFAULT_PREFIX = "cosign";

  static final CommandSpec SPEC =
      CommandSpec.named("keygen")
          .describe(
              "Generates an ECDSA P-256 key pair in cosign's format: PREFIX.key (encrypted with the"
                  + " password from COSIGN_PASSWORD, or asked for on the terminal) and PREFIX.pub.")
          .option(
              "--output-key-prefix",
              "PREFIX",
              "Path prefix of the two key files (default: " + DEFAULT_PREFIX + ").")
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    Path prefix = invocation.args().path("--output-key-prefix");
    if (prefix == null) {
      prefix = Path.of(DEFAULT_PREFIX);
    }
    char[] password = CosignPassword.read(System.getenv(), System.console(), true);
    try {
      SecureRandom random = new SecureRandom();
      Path[] written = KeyFiles.writeKeyPair(prefix, SigningKey.generate(random), password, random);
      invocation.out().println("Private key written to " + written[0]);
      invocation.out().println("Public key written to " + written[1]);
      return ExitCodes.OK;
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
