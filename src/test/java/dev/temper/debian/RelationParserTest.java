package dev.temper.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.debian.Relation.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelationParserTest {
  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          libc6 (<< 2.37)  | LESS
          libc6 (<= 2.37)  | LESS_OR_EQUAL
          libc6 (< 2.37)   | LESS_OR_EQUAL
          libc6 (= 2.37)   | EQUAL
          libc6 (>= 2.37)  | GREATER_OR_EQUAL
          libc6 (> 2.37)   | GREATER_OR_EQUAL
          libc6 (>> 2.37)  | GREATER
          """)
  void everyOperatorIsParsed(String text, Operator expected) {
    Relation relation = RelationParser.parseRelation(text);

    assertThat(relation.operator()).isEqualTo(expected);
    assertThat(relation.version()).isEqualTo(Version.parse("2.37"));
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          libc6(>=2.36)
          libc6 ( >= 2.36 )
          "  libc6   (>=   2.36)  "
          "\tlibc6\t(\t>=\t2.36\t)\t"
          """)
  void spacesAreOptionalBetweenTokens(String text) {
    Relation relation = RelationParser.parseRelation(text.replace("\\t", "\t"));

    assertThat(relation)
        .isEqualTo(new Relation("libc6", null, Operator.GREATER_OR_EQUAL, v("2.36")));
  }

  @Test
  void foldedFieldIsParsed() {
    String field = "libc6 (>= 2.36),\n libgcc-s1\n (>= 3.0) |\n libgcc1,\n zlib1g";

    List<Dependency> dependencies = RelationParser.parseDependencies(field);

    assertThat(dependencies)
        .containsExactly(
            Dependency.of(new Relation("libc6", null, Operator.GREATER_OR_EQUAL, v("2.36"))),
            new Dependency(
                List.of(
                    new Relation("libgcc-s1", null, Operator.GREATER_OR_EQUAL, v("3.0")),
                    Relation.unversioned("libgcc1"))),
            Dependency.of(Relation.unversioned("zlib1g")));
  }

  @Test
  void architectureQualifiersAreKept() {
    List<Dependency> dependencies =
        RelationParser.parseDependencies("python3:any (>= 3.11), libfoo1:amd64, perl:native");

    assertThat(dependencies)
        .extracting(d -> d.alternatives().get(0).archQualifier())
        .containsExactly("any", "amd64", "native");
    assertThat(dependencies.get(0).alternatives().get(0).operator())
        .isEqualTo(Operator.GREATER_OR_EQUAL);
  }

  @Test
  void alternativesKeepTheirOrder() {
    List<Dependency> dependencies =
        RelationParser.parseDependencies("default-mta | mail-transport-agent | exim4 (>= 4)");

    assertThat(dependencies).hasSize(1);
    assertThat(dependencies.get(0).toString())
        .isEqualTo("default-mta | mail-transport-agent | exim4 (>= 4)");
  }

  @Test
  void trailingCommaIsAccepted() {
    assertThat(RelationParser.parseDependencies("libc6, zlib1g,\n "))
        .containsExactly(
            Dependency.of(Relation.unversioned("libc6")),
            Dependency.of(Relation.unversioned("zlib1g")));
  }

  @Test
  void blankFieldHasNoEntries() {
    assertThat(RelationParser.parseDependencies(null)).isEmpty();
    assertThat(RelationParser.parseDependencies(" \n ")).isEmpty();
    assertThat(RelationParser.parseRelations("")).isEmpty();
  }

  @Test
  void providesWithVersionsIsParsed() {
    assertThat(RelationParser.parseRelations("awk, libfoo-abi-2 (= 2.1-3)"))
        .containsExactly(
            Relation.unversioned("awk"),
            new Relation("libfoo-abi-2", null, Operator.EQUAL, v("2.1-3")));
  }

  @Test
  void relationToStringUsesCanonicalSpacing() {
    assertThat(RelationParser.parseRelation("libc6:any(>2.36)").toString())
        .isEqualTo("libc6:any (>= 2.36)");
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          foo (>= 1.0                | invalid relation 'foo (>= 1.0': missing ')' after version '1.0'
          foo >= 1.0)                | invalid relation 'foo >= 1.0)': missing '(' before the version constraint
          foo (>= 1.0))              | invalid relation 'foo (>= 1.0))': unexpected ')'
          foo )                      | invalid relation 'foo )': unexpected ')'
          foo (>= 1.0 2)             | invalid relation 'foo (>= 1.0 2)': missing ')' after version '1.0'
          foo (>=)                   | invalid relation 'foo (>=)': missing version
          foo ( )                    | invalid relation 'foo ( )': missing version operator
          foo (1.0)                  | invalid relation 'foo (1.0)': missing version operator
          foo (=> 1.0)               | invalid relation 'foo (=> 1.0)': invalid version operator '=>'
          foo (>>= 1.0)              | invalid relation 'foo (>>= 1.0)': invalid version operator '>>='
          foo (== 1.0)               | invalid relation 'foo (== 1.0)': invalid version operator '=='
          foo (<> 1.0)               | invalid relation 'foo (<> 1.0)': invalid version operator '<>'
          foo (>= a1)                | invalid relation 'foo (>= a1)': invalid version 'a1': upstream version must start with a digit
          foo (>= 1.0-)              | invalid relation 'foo (>= 1.0-)': invalid version '1.0-': revision is empty
          Foo                        | invalid relation 'Foo': invalid package name 'Foo'
          f                          | invalid relation 'f': invalid package name 'f'
          -foo                       | invalid relation '-foo': invalid package name '-foo'
          foo_bar                    | invalid relation 'foo_bar': invalid package name 'foo_bar'
          (>= 1.0)                   | invalid relation '(>= 1.0)': missing package name
          foo:                       | invalid relation 'foo:': missing architecture after ':'
          foo: any                   | invalid relation 'foo: any': missing architecture after ':'
          foo :any                   | invalid relation 'foo :any': unexpected text ':any'
          foo:Any                    | invalid relation 'foo:Any': invalid architecture 'Any'
          foo:any:amd64              | invalid relation 'foo:any:amd64': unexpected text ':amd64'
          foo bar                    | invalid relation 'foo bar': unexpected text 'bar'
          foo [amd64]                | invalid relation 'foo [amd64]': architecture restrictions are not allowed in binary package fields
          foo (>= 1) [!i386]         | invalid relation 'foo (>= 1) [!i386]': architecture restrictions are not allowed in binary package fields
          foo <!nocheck>             | invalid relation 'foo <!nocheck>': build profiles are not allowed in binary package fields
          foo << 1.0                 | invalid relation 'foo << 1.0': missing '(' before the version constraint
          """)
  void malformedRelationIsRejected(String text, String message) {
    assertThatThrownBy(() -> RelationParser.parseRelation(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      textBlock =
          """
          "libc6,, zlib1g"      # invalid relationship field 'libc6,, zlib1g': empty entry
          ", libc6"             # invalid relationship field ', libc6': empty entry
          ","                   # invalid relationship field ',': empty entry
          "libc6,,"             # invalid relationship field 'libc6,,': empty entry
          "libc6 | , zlib1g"    # invalid dependency 'libc6 |': empty alternative
          "| libc6"             # invalid dependency '| libc6': empty alternative
          "libc6 || zlib1g"     # invalid dependency 'libc6 || zlib1g': empty alternative
          "libc6, zlib1g (>= x" # invalid relation 'zlib1g (>= x': missing ')' after version 'x'
          """)
  void malformedFieldIsRejected(String field, String message) {
    assertThatThrownBy(() -> RelationParser.parseDependencies(field))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void alternativesInProvidesAreRejected() {
    assertThatThrownBy(() -> RelationParser.parseRelations("awk, mawk | gawk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid dependency 'mawk | gawk': alternatives ('|') are not allowed in this field");
  }

  @Test
  void foldedFieldIsQuotedOnOneLine() {
    assertThatThrownBy(() -> RelationParser.parseDependencies("libc6 (>=\n 2.36,\n zlib1g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid relation 'libc6 (>= 2.36': missing ')' after version '2.36'");
  }

  @Test
  void longInputIsCutInMessages() {
    String cut = "a".repeat(200) + "...";

    assertThatThrownBy(() -> RelationParser.parseRelation("a".repeat(300) + "_"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid relation '" + cut + "': invalid package name '" + cut + "'");
  }

  private static Version v(String text) {
    return Version.parse(text);
  }
}
