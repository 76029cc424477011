package dev.temper.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedArgsTest {
  private enum Format {
    table,
    json
  }

  private static final CommandSpec SPEC =
      CommandSpec.named("demo")
          .parameter("FILE", "A file.")
          .optionalParameter("COUNT", "A number.")
          .option("--epoch", "SECONDS", "A time.")
          .option("--format", "FORMAT", "Output format: table, json.")
          .option("--out", "FILE", "A path.")
          .repeatable("--vex", "FILE", "Paths; repeatable.")
          .repeatable("--annotation", "KEY=VALUE", "Pairs; repeatable.")
          .option("--size", "SIZE", "A size.")
          .flag("--check", "A flag.")
          .build();

  private static ParsedArgs parse(String... args) {
    return ArgumentParser.parse(SPEC, args);
  }

  @Test
  void pathsConvertWhenRead() {
    ParsedArgs args = parse("in.txt", "--out", "dir/out", "--vex", "a", "--vex", "b");

    assertThat(args.path("FILE")).isEqualTo(Path.of("in.txt"));
    assertThat(args.path("--out")).isEqualTo(Path.of("dir/out"));
    assertThat(args.paths("--vex")).containsExactly(Path.of("a"), Path.of("b"));
    assertThat(parse("x").path("--out")).isNull();
    assertThat(parse("x").paths("--vex")).isEmpty();
  }

  @Test
  void invalidPathNamesOptionAndValue() {
    ParsedArgs args = parse("x", "--out", "a\0b");

    assertThatThrownBy(() -> args.path("--out"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("invalid value for option '--out': 'a\0b' is not a valid path");
  }

  @Test
  void emptyPathIsAUsageError() {
    ParsedArgs args = parse("", "--out=", "--vex", "a", "--vex", "");

    assertThatThrownBy(() -> args.path("--out"))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for option '--out': the path is empty");
    assertThatThrownBy(() -> args.path("FILE"))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for parameter FILE: the path is empty");
    assertThatThrownBy(() -> args.paths("--vex"))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for option '--vex': the path is empty");
  }

  @Test
  void wholeNumbers() {
    assertThat(parse("x", "--epoch", "1700000000").longValue("--epoch")).isEqualTo(1700000000L);
    assertThat(parse("x").longValue("--epoch")).isNull();
    assertThat(parse("x").longValue("--epoch", 7)).isEqualTo(7);
    assertThat(parse("x", "--epoch=-5").longValue("--epoch", 7)).isEqualTo(-5);
  }

  @Test
  void invalidNumberNamesOptionAndValue() {
    ParsedArgs args = parse("x", "--epoch", "soon");

    assertThatThrownBy(() -> args.longValue("--epoch"))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for option '--epoch': 'soon' is not a whole number");
  }

  @Test
  void invalidParameterNamesParameterAndValue() {
    ParsedArgs args = parse("x", "twelve");

    assertThatThrownBy(() -> args.longValue("COUNT"))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for parameter COUNT: 'twelve' is not a whole number");
  }

  @Test
  void usageErrorFromReadingNamesCommand() {
    ParsedArgs args = parse("x", "--epoch", "soon");

    assertThatThrownBy(() -> args.longValue("--epoch"))
        .isInstanceOfSatisfying(
            UsageException.class, e -> assertThat(e.commandPath()).contains("demo"));
  }

  @Test
  void choicesMatchNamesInAnyCase() {
    assertThat(parse("x", "--format", "json").choice("--format", Format.values(), Format.table))
        .isEqualTo(Format.json);
    assertThat(parse("x", "--format", "JSON").choice("--format", Format.values(), Format.table))
        .isEqualTo(Format.json);
    assertThat(parse("x").choice("--format", Format.values(), Format.table))
        .isEqualTo(Format.table);
    ParsedArgs other = parse("x", "--format", "yaml");
    assertThatThrownBy(() -> other.choice("--format", Format.values(), Format.table))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for option '--format': 'yaml' is not one of table, json");
  }

  @Test
  void keyValuesKeepOrderAndSplitAtFirstEquals() {
    ParsedArgs args =
        parse("x", "--annotation", "b=1", "--annotation", "a=x=y", "--annotation", "b=2");

    assertThat(args.keyValues("--annotation"))
        .containsExactly(Map.entry("b", "2"), Map.entry("a", "x=y"));
    assertThat(parse("x", "--annotation", "=v").keyValues("--annotation")).containsKey("");
  }

  @Test
  void keyValueWithoutEqualsIsUsageError() {
    ParsedArgs args = parse("x", "--annotation", "novalue");

    assertThatThrownBy(() -> args.keyValues("--annotation"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "invalid value for option '--annotation': 'novalue' has no '=': expected KEY=VALUE");
  }

  @Test
  void converterReasonBecomesMessage() {
    Converter<Integer> even =
        text -> {
          int value = Integer.parseInt(text);
          if (value % 2 != 0) {
            throw new IllegalArgumentException("'" + text + "' is odd");
          }
          return value;
        };

    assertThat(parse("x", "--size", "4").value("--size", even)).isEqualTo(4);
    assertThat(parse("x").value("--size", even)).isNull();
    ParsedArgs odd = parse("x", "--size", "3");
    assertThatThrownBy(() -> odd.value("--size", even))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for option '--size': '3' is odd");
  }

  @Test
  void hasTellsGivenFromAbsent() {
    ParsedArgs args = parse("x", "--check", "--out", "o");

    assertThat(args.has("--check")).isTrue();
    assertThat(args.has("--out")).isTrue();
    assertThat(args.has("--epoch")).isFalse();
    assertThat(args.has("FILE")).isTrue();
    assertThat(args.has("COUNT")).isFalse();
  }

  @Test
  void undeclaredNamesAreProgrammingErrors() {
    ParsedArgs args = parse("x");

    assertThatThrownBy(() -> args.string("--nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("demo declares no option --nope");
    assertThatThrownBy(() -> args.string("NOPE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("demo declares no parameter NOPE");
  }

  @Test
  void wrongKindOfReadIsProgrammingError() {
    ParsedArgs args = parse("x");

    assertThatThrownBy(() -> args.string("--check")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> args.flag("--out")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> args.string("--vex")).isInstanceOf(IllegalArgumentException.class);
  }
}
