package dev.temper.audit.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void splitsQuotedWords() {
    assertThat(ShellWords.split("java -Dname='a b' -jar \"/app/my app.jar\" x\\ y"))
        .hasValue(java.util.List.of("java", "-Dname=a b", "-jar", "/app/my app.jar", "x y"));
  }

  @Test
  void rejectsWhatNeedsAShell() {
    for (String command :
        new String[] {
          "java $JAVA_OPTS -jar a.jar",
          "a && b",
          "a | b",
          "a > log",
          "echo `date`",
          "ls *.jar",
          "A=1 java -jar a.jar",
          "cd /x; run",
          "java -jar a.jar # comment",
          "echo \"$HOME\"",
          "unterminated 'quote"
        }) {
      assertThat(ShellWords.split(command)).as(command).isEmpty();
    }
  }
}
