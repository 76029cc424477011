package dev.temper.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandSpecTest {
  @Test
  void optionNamesMustLookLikeOptions() {
    for (String name : List.of("output", "-", "--", "-ab", "---x", "--a=b", "--a b")) {
      assertThatThrownBy(() -> OptionSpec.flag(name, "d"))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(OptionSpec.flag("-x", "d").names()).containsExactly("-x");
  }

  @Test
  void flagCannotRepeatOrBeRequired() {
    assertThatThrownBy(() -> OptionSpec.flag("--check", "d").repeatable())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OptionSpec.flag("--check", "d").required())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messagesUseTheLongName() {
    assertThat(OptionSpec.valued("--output", "F", "d").alias("-o").name()).isEqualTo("--output");
    assertThat(OptionSpec.valued("-o", "F", "d").alias("--output").name()).isEqualTo("--output");
  }

  @Test
  void duplicateOptionNameIsRejected() {
    CommandSpec.Builder builder =
        CommandSpec.named("x").flag("--check", "d").option("--check", "V", "d");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option --check declared twice");
    assertThatThrownBy(() -> CommandSpec.named("x").flag("--help", "d").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parameterOrderIsChecked() {
    assertThatThrownBy(() -> CommandSpec.named("x").variadicParameter("A", "d").parameter("B", "d"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommandSpec.named("x").optionalParameter("A", "d").parameter("B", "d"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommandSpec.named("x").parameter("A", "d").parameter("A", "d"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommandSpec.named("x").parameter("-A", "d"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parametersAndSubcommandsExclude() {
    CommandSpec.Builder builder =
        CommandSpec.named("x")
            .parameter("A", "d")
            .subcommands(Subcommands.of(CommandSpec.named("y").build()));

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subcommandCannotHideInheritedOption() {
    CommandSpec child = CommandSpec.named("child").flag("--verbose", "d").build();
    CommandSpec root =
        CommandSpec.named("root")
            .option(OptionSpec.flag("--verbose", "d").inherited())
            .subcommands(Subcommands.of(child))
            .build();

    assertThatThrownBy(() -> ArgumentParser.parse(root, "child"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listedSubcommandsKeepOrder() {
    Subcommands subcommands =
        Subcommands.of(CommandSpec.named("b").build(), CommandSpec.named("a").build());

    assertThat(subcommands.names()).containsExactly("b", "a");
    assertThat(subcommands.find("a")).isPresent();
    assertThat(subcommands.find("c")).isEmpty();
    assertThatThrownBy(
            () -> Subcommands.of(CommandSpec.named("a").build(), CommandSpec.named("a").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
