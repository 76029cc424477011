package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  @TempDir Path dir;

  private Path write(String text) throws Exception {
    Path spec = dir.resolve("image.yaml");
    Files.writeString(spec, text);
    return spec;
  }

  @Test
  void loadsSpecWithDefaults() throws Exception {
    Path file =
        write(
            "repositories:\n"
                + "  - name: debian\n"
                + "    suites: [bookworm]\n"
                + "    keyrings: [keys/a.gpg]\n"
                + "packages: [libc6, 'tzdata=2024a-1']\n");

    Spec spec = SpecLoader.load(file);

    assertThat(spec.name()).isEqualTo("image");
    assertThat(spec.architectures()).containsExactly("amd64");
    assertThat(spec.repositories().get(0).components()).containsExactly("main");
    assertThat(spec.repositories().get(0).keyrings())
        .containsExactly(dir.toAbsolutePath().resolve("keys/a.gpg"));
    assertThat(spec.packages()).containsExactly("libc6", "tzdata=2024a-1");
    assertThat(spec.exclude()).containsExactlyElementsOf(SpecLoader.DEFAULT_EXCLUDES);
    assertThat(spec.image()).isEqualTo(ImageSpec.DEFAULTS);
  }

  @Test
  void examplesLoad() throws Exception {
    for (String name : new String[] {"static", "base", "java17"}) {
      Spec spec = SpecLoader.load(Path.of("examples", name + ".yaml"));
      assertThat(spec.name()).isEqualTo(name);
    }
  }

  @Test
  void unknownFieldNamed() throws Exception {
    Path file = write("repositories: [{suites: [bookworm]}]\npackages: [a1]\npackagez: [b]\n");

    assertThatThrownBy(() -> SpecLoader.load(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": unknown field 'packagez' at line 3");
  }

  @Test
  void nameThatLeavesOutputDirectoryIsRejected() throws Exception {
    for (String name : new String[] {"../../tmp/x", "a/b", "Upper", ".hidden", ""}) {
      Path file =
          write("name: '" + name + "'\nrepositories: [{suites: [bookworm]}]\npackages: [a1]\n");

      assertThatThrownBy(() -> SpecLoader.load(file))
          .as(name)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(file + ": invalid name '" + name + "'");
    }
  }

  @Test
  void emptyWrongTypeAndBinarySpecsNameTheProblem() throws Exception {
    Path empty = write("");
    assertThatThrownBy(() -> SpecLoader.load(empty)).hasMessage(empty + ": spec is empty");

    Path wrongType = write("repositories: [{suites: [bookworm]}]\npackages: {a: 1}\n");
    assertThatThrownBy(() -> SpecLoader.load(wrongType))
        .hasMessage(
            wrongType
                + ": invalid spec at line 2, column 11: field 'packages' has the wrong type,"
                + " expected a list");

    Path binary = write("name: x\n");
    java.nio.file.Files.write(binary, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0x80, '\n'});
    assertThatThrownBy(() -> SpecLoader.load(binary))
        .hasMessage(binary + ": invalid spec: not UTF-8 text");
  }

  @Test
  void missingPackages() throws Exception {
    Path file = write("repositories: [{suites: [bookworm]}]\n");

    assertThatThrownBy(() -> SpecLoader.load(file))
        .hasMessage(file + ": 'packages' must list at least one package");
  }

  @Test
  void missingSuites() throws Exception {
    Path file = write("repositories: [{name: x}]\npackages: [a1]\n");

    assertThatThrownBy(() -> SpecLoader.load(file))
        .hasMessage(file + ": repositories[0]: 'suites' must list at least one suite");
  }

  @Test
  void invalidPackageName() throws Exception {
    Path file = write("repositories: [{suites: [bookworm]}]\npackages: ['Bad Name']\n");

    assertThatThrownBy(() -> SpecLoader.load(file))
        .hasMessage(file + ": packages: invalid package name 'Bad Name' in 'packages'");
  }

  @Test
  void requestedAndExcluded() throws Exception {
    Path file = write("repositories: [{suites: [bookworm]}]\npackages: [bash]\nexclude: [bash]\n");

    assertThatThrownBy(() -> SpecLoader.load(file))
        .hasMessage(file + ": package 'bash' is both requested and excluded");
  }

  @Test
  void malformedYaml() throws Exception {
    Path file = write("repositories: [\n");

    assertThatThrownBy(() -> SpecLoader.load(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": invalid YAML at line 2, column 1: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void duplicateTopLevelKey() throws Exception {
    Path file = write("repositories: [{suites: [bookworm]}]\npackages: [curl]\npackages: [bash]\n");

    assertThatThrownBy(() -> SpecLoader.load(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": invalid YAML at line 3, column 9: duplicate key 'packages'");
  }

  @Test
  void duplicateNestedKey() throws Exception {
    Path file =
        write("repositories:\n  - suites: [bookworm]\n    suites: [trixie]\npackages: [curl]\n");

    assertThatThrownBy(() -> SpecLoader.load(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": invalid YAML at line 3, column 11: duplicate key 'suites'");
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("absent.yaml");

    assertThatThrownBy(() -> SpecLoader.load(file)).hasMessage("spec not found: " + file);
  }

  @Test
  void lockPathReplacesExtension() {
    assertThat(LockFiles.lockPathFor(Path.of("a/java17.yaml")))
        .isEqualTo(Path.of("a/java17.lock.json"));
  }
}
