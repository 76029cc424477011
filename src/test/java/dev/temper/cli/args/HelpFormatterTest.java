package dev.temper.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HelpFormatterTest {
  private static final CommandSpec SIGN =
      CommandSpec.named("sign")
          .describe(
              "Signs the manifest digest of IMAGE with a key and stores the signature beside it,"
                  + " tagged sha256-<hex>.sig, the way other tools expect to find it.",
              "A second paragraph.")
          .parameter("IMAGE", "The image.")
          .required("--key", "FILE", "Private key file.")
          .option(
              OptionSpec.valued("--annotation", "KEY=VALUE", "Stored in the payload.")
                  .alias("-a")
                  .repeatable())
          .option("--platform", "OS/ARCH[/VARIANT]", "The platform to sign from an index.")
          .flag("--recursive", "Also sign every platform manifest that the index lists.")
          .footer("%nExit codes:%n  0  success%n")
          .build();

  private static final CommandSpec ROOT =
      CommandSpec.named("tool")
          .describe("Does things.")
          .option(OptionSpec.flag("--verbose", "More output.").alias("-v").inherited())
          .subcommands(
              Subcommands.of(
                  SIGN,
                  CommandSpec.named("verify-attestation").describe("Verifies.", "More.").build()))
          .build();

  private static String help(CommandSpec... commands) {
    return HelpFormatter.format(List.of(commands));
  }

  @Test
  void verbHelpHasEverySection() {
    String help = help(ROOT, SIGN);

    assertThat(help)
        .isEqualTo(
            "Usage: tool sign --key=FILE [OPTIONS] IMAGE\n"
                + "\n"
                + "Signs the manifest digest of IMAGE with a key and stores the signature beside\n"
                + "it, tagged sha256-<hex>.sig, the way other tools expect to find it.\n"
                + "A second paragraph.\n"
                + "\n"
                + "Parameters:\n"
                + "  IMAGE                       The image.\n"
                + "\n"
                + "Options:\n"
                + "      --key=FILE              Private key file.\n"
                + "  -a, --annotation=KEY=VALUE  Stored in the payload.\n"
                + "      --platform=OS/ARCH[/VARIANT]\n"
                + "                              The platform to sign from an index.\n"
                + "      --recursive             Also sign every platform manifest that the index\n"
                + "                              lists.\n"
                + "  -v, --verbose               More output.\n"
                + "  -h, --help                  Print this help and exit.\n"
                + "  -V, --version               Print the version and exit.\n"
                + "\n"
                + "Exit codes:\n"
                + "  0  success\n");
  }

  @Test
  void commandListShowsFirstParagraph() {
    String help = help(ROOT);

    assertThat(help)
        .startsWith(
            "Usage: tool [OPTIONS] COMMAND\n"
                + "\n"
                + "Does things.\n"
                + "\n"
                + "Commands:\n"
                + "  sign                Signs the manifest digest of IMAGE with a key and stores\n"
                + "                      the signature beside it, tagged sha256-<hex>.sig, the way\n"
                + "                      other tools expect to find it.\n"
                + "  verify-attestation  Verifies.\n"
                + "\n"
                + "Options:\n"
                + "  -v, --verbose  More output.\n");
    assertThat(help).doesNotContain("More.");
  }

  @Test
  void linesFitTheWidth() {
    for (String line : help(ROOT, SIGN).split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(HelpFormatter.WIDTH);
      assertThat(line).as("trailing space").doesNotEndWith(" ");
    }
  }

  @Test
  void longUsageLineWraps() {
    CommandSpec.Builder builder = CommandSpec.named("many");
    for (int i = 0; i < 6; i++) {
      builder.required("--required-option-" + i, "VALUE", "Needed.");
    }
    String usage = help(builder.build()).split("\n\n")[0];

    assertThat(usage.split("\n")).hasSizeGreaterThan(1);
    for (String line : usage.split("\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(HelpFormatter.WIDTH);
    }
    assertThat(usage.split("\n")[1]).startsWith("            --required-option-");
  }

  @Test
  void wrapBreaksAtSpacesOnly() {
    assertThat(HelpFormatter.wrap("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
    assertThat(HelpFormatter.wrap("~/.docker/config.json is long", 10))
        .containsExactly("~/.docker/config.json", "is long");
    assertThat(HelpFormatter.wrap("", 10)).containsExactly("");
  }

  @Test
  void optionTermsLineUpLongNames() {
    assertThat(HelpFormatter.optionTerm(OptionSpec.flag("--debug", "d")))
        .isEqualTo("      --debug");
    assertThat(HelpFormatter.optionTerm(OptionSpec.valued("--output", "REF", "o").alias("-o")))
        .isEqualTo("  -o, --output=REF");
    assertThat(HelpFormatter.optionTerm(OptionSpec.valued("-x", "N", "x"))).isEqualTo("  -x N");
  }
}
