package dev.temper.cli;

import dev.temper.sign.KeyFiles;
import dev.temper.sign.SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code temper keygen}: writes a cosign-compatible ECDSA P-256 key pair. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generates an ECDSA P-256 key pair in cosign's format: PREFIX.key (encrypted with the"
          + " password from COSIGN_PASSWORD, or asked for on the terminal) and PREFIX.pub."
    },
    footer = ExitCodes.HELP)
final class KeygenCommand implements Callable<Integer> {
  @Option(
      names = "--output-key-prefix",
      defaultValue = "cosign",
      description = "Path prefix of the two key files (default: ${DEFAULT-VALUE}).")
  Path prefix;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    char[] password = CosignPassword.read(System.getenv(), System.console(), true);
    try {
      SecureRandom random = new SecureRandom();
      Path[] written = KeyFiles.writeKeyPair(prefix, SigningKey.generate(random), password, random);
      spec.commandLine().getOut().println("Private key written to " + written[0]);
      spec.commandLine().getOut().println("Public key written to " + written[1]);
      return ExitCodes.OK;
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
