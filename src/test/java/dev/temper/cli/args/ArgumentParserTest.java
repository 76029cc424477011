package dev.temper.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentParserTest {
  private static final CommandSpec PULL =
      CommandSpec.named("pull")
          .describe("Pulls an image.")
          .parameter("REF", "The image.")
          .parameter("DIR", "The layout.")
          .flag("--all-platforms", "Every platform.")
          .option("--platform", "OS/ARCH", "One platform.")
          .option(OptionSpec.valued("--output", "FILE", "Where to write.").alias("-o"))
          .repeatable("--vex", "FILE", "A VEX document; repeatable.")
          .build();

  private static final CommandSpec SIGN =
      CommandSpec.named("sign")
          .parameter("IMAGE", "The image.")
          .required("--key", "FILE", "The key.")
          .required("--predicate", "FILE", "The predicate.")
          .build();

  private static final CommandSpec REPORT =
      CommandSpec.named("report")
          .parameter("TITLE", "The title.")
          .variadicParameter("IMAGE", "The images.")
          .build();

  private static final CommandSpec STATUS =
      CommandSpec.named("status").describe("Shows the status.").build();

  private static final CommandSpec DB =
      CommandSpec.named("db")
          .describe("Manages the database.")
          .subcommands(Subcommands.of(STATUS))
          .build();

  private static final CommandSpec TOOL =
      CommandSpec.named("tool")
          .option(OptionSpec.flag("--verbose", "More output.").alias("-v").inherited())
          .option(OptionSpec.flag("--debug", "Debug output.").inherited())
          .flag("--top-only", "Accepted before a subcommand only.")
          .subcommands(Subcommands.of(PULL, DB))
          .build();

  private static ParsedArgs parse(String... args) {
    return ArgumentParser.parse(TOOL, args);
  }

  private static String usageError(String... args) {
    try {
      parse(args);
    } catch (UsageException e) {
      return e.getMessage();
    }
    throw new AssertionError("no usage error for " + List.of(args));
  }

  @Test
  void longOptionWithSpaceOrEquals() {
    ParsedArgs spaced = parse("pull", "--platform", "linux/arm64", "a", "b");
    ParsedArgs joined = parse("pull", "--platform=linux/arm64", "a", "b");

    assertThat(spaced.string("--platform")).isEqualTo("linux/arm64");
    assertThat(joined.string("--platform")).isEqualTo("linux/arm64");
  }

  @Test
  void valueMayContainEquals() {
    ParsedArgs args = parse("pull", "--output=a=b", "x", "y");

    assertThat(args.string("--output")).isEqualTo("a=b");
  }

  @Test
  void shortNameReadsAsLongName() {
    ParsedArgs args = parse("pull", "-o", "out", "a", "b");

    assertThat(args.string("--output")).isEqualTo("out");
    assertThat(args.string("-o")).isEqualTo("out");
  }

  @Test
  void flagIsSetOnlyWhenGiven() {
    assertThat(parse("pull", "--all-platforms", "a", "b").flag("--all-platforms")).isTrue();
    assertThat(parse("pull", "a", "b").flag("--all-platforms")).isFalse();
  }

  @Test
  void flagRejectsValue() {
    assertThat(usageError("pull", "--all-platforms=yes", "a", "b"))
        .isEqualTo("option '--all-platforms' takes no value, got '--all-platforms=yes'");
  }

  @Test
  void helpAndVersionRejectValuesLikeOtherFlags() {
    assertThat(usageError("pull", "--help=yes"))
        .isEqualTo("option '--help' takes no value, got '--help=yes'");
    assertThat(usageError("-V=1")).isEqualTo("option '-V' takes no value, got '-V=1'");
  }

  @Test
  void repeatableOptionKeepsEveryValue() {
    ParsedArgs args = parse("pull", "--vex", "one", "a", "--vex=two", "b", "--vex", "three");

    assertThat(args.strings("--vex")).containsExactly("one", "two", "three");
    assertThat(args.strings("REF")).containsExactly("a");
  }

  @Test
  void singleValuedOptionGivenTwiceIsAnError() {
    assertThat(usageError("pull", "--platform", "x", "-o", "1", "--platform", "y", "a", "b"))
        .isEqualTo("option '--platform' may be given only once");
    assertThat(usageError("pull", "-o", "1", "--output", "2", "a", "b"))
        .isEqualTo("option '--output' may be given only once");
  }

  @Test
  void doubleDashEndsOptions() {
    ParsedArgs args = parse("pull", "--", "--platform", "-o");

    assertThat(args.string("REF")).isEqualTo("--platform");
    assertThat(args.string("DIR")).isEqualTo("-o");
    assertThat(args.has("--platform")).isFalse();
  }

  @Test
  void singleDashIsAParameter() {
    assertThat(parse("pull", "-", "b").string("REF")).isEqualTo("-");
  }

  @Test
  void optionWithoutValueAtEndIsAnError() {
    assertThat(usageError("pull", "a", "b", "--platform"))
        .isEqualTo("missing value for option '--platform' (OS/ARCH)");
    assertThat(usageError("pull", "a", "b", "-o"))
        .isEqualTo("missing value for option '-o' (FILE)");
  }

  @Test
  void optionNameIsNoValue() {
    assertThat(usageError("pull", "--platform", "--all-platforms", "a", "b"))
        .isEqualTo("missing value for option '--platform' (OS/ARCH)");
    assertThat(usageError("pull", "--platform", "--", "a", "b"))
        .isEqualTo("missing value for option '--platform' (OS/ARCH)");
  }

  @Test
  void unknownOptionIsNamed() {
    assertThat(usageError("pull", "--bogus", "a", "b")).isEqualTo("unknown option '--bogus'");
    assertThat(usageError("pull", "-x", "a", "b")).isEqualTo("unknown option '-x'");
    assertThat(usageError("pull", "--bogus=1", "a", "b")).isEqualTo("unknown option '--bogus'");
  }

  @Test
  void unknownOptionSuggestsCloseName() {
    assertThat(usageError("pull", "--platfrom", "x", "a", "b"))
        .isEqualTo("unknown option '--platfrom'; did you mean '--platform'?");
  }

  @Test
  void topLevelOptionIsUnknownAfterSubcommand() {
    assertThat(parse("--top-only", "db").flag("--top-only")).isTrue();
    assertThat(usageError("pull", "--top-only", "a", "b")).isEqualTo("unknown option '--top-only'");
  }

  @Test
  void missingParametersAreNamed() {
    assertThat(usageError("pull")).isEqualTo("missing parameters REF, DIR");
    assertThat(usageError("pull", "a")).isEqualTo("missing parameter DIR");
  }

  @Test
  void extraParametersAreNamed() {
    assertThat(usageError("pull", "a", "b", "c"))
        .isEqualTo("unexpected argument 'c': tool pull takes REF DIR");
    assertThat(usageError("pull", "a", "b", "c", "d"))
        .isEqualTo("unexpected arguments 'c', 'd': tool pull takes REF DIR");
    assertThat(usageError("db", "status", "x"))
        .isEqualTo("unexpected argument 'x': tool db status takes no parameters");
  }

  @Test
  void variadicParameterTakesTheRest() {
    ParsedArgs many = ArgumentParser.parse(REPORT, "t", "a", "--", "-b", "c");

    assertThat(many.string("TITLE")).isEqualTo("t");
    assertThat(many.strings("IMAGE")).containsExactly("a", "-b", "c");
    assertThatThrownBy(() -> ArgumentParser.parse(REPORT, "t"))
        .isInstanceOf(UsageException.class)
        .hasMessage("missing parameter IMAGE");
  }

  @Test
  void optionalParameterMayBeLeftOut() {
    CommandSpec spec =
        CommandSpec.named("x").parameter("A", "First.").optionalParameter("B", "Second.").build();

    assertThat(ArgumentParser.parse(spec, "1").string("B")).isNull();
    assertThat(ArgumentParser.parse(spec, "1").string("B", "none")).isEqualTo("none");
    assertThat(ArgumentParser.parse(spec, "1", "2").string("B")).isEqualTo("2");
  }

  @Test
  void requiredOptionsAreNamed() {
    assertThatThrownBy(() -> ArgumentParser.parse(SIGN, "image"))
        .isInstanceOf(UsageException.class)
        .hasMessage("missing required options '--key=FILE', '--predicate=FILE'");
    assertThatThrownBy(() -> ArgumentParser.parse(SIGN, "image", "--key", "k"))
        .hasMessage("missing required option '--predicate=FILE'");
    assertThat(ArgumentParser.parse(SIGN, "--key=k", "--predicate=p", "i").string("--key"))
        .isEqualTo("k");
  }

  @Test
  void helpStopsParsingWherever() {
    ParsedArgs top = parse("--help");
    ParsedArgs verb = parse("--debug", "pull", "--help");
    ParsedArgs shortForm = parse("pull", "-h", "--bogus");
    ParsedArgs beforeVerb = parse("-h", "pull");

    assertThat(top.helpRequested()).isTrue();
    assertThat(top.commandPath()).isEqualTo("tool");
    assertThat(verb.helpRequested()).isTrue();
    assertThat(verb.commandPath()).isEqualTo("tool pull");
    assertThat(verb.help()).startsWith("Usage: tool pull [OPTIONS] REF DIR\n");
    assertThat(shortForm.helpRequested()).isTrue();
    assertThat(beforeVerb.commandPath()).isEqualTo("tool");
  }

  @Test
  void errorBeforeHelpWins() {
    assertThat(usageError("pull", "--bogus", "--help")).isEqualTo("unknown option '--bogus'");
  }

  @Test
  void versionWorksAfterAnySubcommand() {
    assertThat(parse("-V").versionRequested()).isTrue();
    assertThat(parse("pull", "--version").versionRequested()).isTrue();
    assertThat(parse("db", "status", "-V").versionRequested()).isTrue();
    assertThat(parse("pull", "a", "b").versionRequested()).isFalse();
  }

  @Test
  void inheritedOptionsWorkBeforeAndAfterSubcommand() {
    ParsedArgs before = parse("-v", "--debug", "pull", "a", "b");
    ParsedArgs after = parse("pull", "a", "--verbose", "b", "--debug");
    ParsedArgs nested = parse("db", "status", "-v");
    ParsedArgs neither = parse("pull", "a", "b");

    assertThat(before.flag("--verbose")).isTrue();
    assertThat(before.flag("--debug")).isTrue();
    assertThat(after.flag("-v")).isTrue();
    assertThat(after.flag("--debug")).isTrue();
    assertThat(nested.flag("--verbose")).isTrue();
    assertThat(neither.flag("--verbose")).isFalse();
  }

  @Test
  void subcommandsNest() {
    ParsedArgs args = parse("db", "status");

    assertThat(args.commandNames()).containsExactly("tool", "db", "status");
    assertThat(args.commandPath()).isEqualTo("tool db status");
    assertThat(args.command()).isSameAs(STATUS);
    assertThat(args.helpRequested()).isFalse();
  }

  @Test
  void commandWithoutItsSubcommandStopsThere() {
    ParsedArgs args = parse("db");

    assertThat(args.command()).isSameAs(DB);
    assertThat(args.command().subcommands()).isPresent();
  }

  @Test
  void unknownSubcommandIsQuoted() {
    assertThat(usageError("pul", "x"))
        .isEqualTo("'pul' is not a tool command; did you mean 'pull'?");
    assertThat(usageError("zzzzzz"))
        .isEqualTo("'zzzzzz' is not a tool command; the commands are pull, db");
    assertThat(usageError("db", "stat"))
        .isEqualTo("'stat' is not a tool db command; did you mean 'status'?");
  }

  @Test
  void usageErrorKnowsItsCommand() {
    UsageException top = catchUsage("nope");
    UsageException verb = catchUsage("pull", "a");

    assertThat(top.commandPath()).contains("tool");
    assertThat(verb.commandPath()).contains("tool pull");
  }

  @Test
  void subcommandsAreLookedUpOnlyWhenNamed() {
    CountingSubcommands counting = new CountingSubcommands();
    CommandSpec root = CommandSpec.named("root").subcommands(counting).build();

    ArgumentParser.parse(root, "pull", "a", "b");

    assertThat(counting.lookups).containsExactly("pull");
  }

  private static UsageException catchUsage(String... args) {
    try {
      parse(args);
    } catch (UsageException e) {
      return e;
    }
    throw new AssertionError("no usage error for " + List.of(args));
  }

  /** Subcommands that record which names the parser looks up. */
  private static final class CountingSubcommands implements Subcommands {
    final List<String> lookups = new java.util.ArrayList<>();

    @Override
    public List<String> names() {
      return List.of("pull", "db");
    }

    @Override
    public java.util.Optional<CommandSpec> find(String name) {
      lookups.add(name);
      return java.util.Optional.ofNullable(
          name.equals("pull") ? PULL : name.equals("db") ? DB : null);
    }
  }
}
