package dev.temper.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.build.Lock;
import dev.temper.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads and moves the exact-version requests of spec files, and finds the updates they hold. */
class SpecPinsTest {
  private static final String HEADER =
      "name: pins\nrepositories:\n  - name: debian\n    suites: [bookworm]\n";

  @TempDir Path dir;

  private Path spec(String packages) throws Exception {
    return Files.writeString(dir.resolve("pins.yaml"), HEADER + packages);
  }

  @Test
  void readsPinsWithLinesAndArchitectures() throws Exception {
    Path spec =
        spec(
            "packages:\n"
                + "  - libc6\n"
                + "  - app=1.0\n"
                + "  - 'tool:arm64=2:1.4-1'\n"
                + "exclude: [mawk]\n");

    List<SpecPin> pins = SpecPins.read(spec);

    assertThat(pins).hasSize(2);
    assertThat(pins.get(0))
        .isEqualTo(new SpecPin(spec, "app=1.0", "app", Optional.empty(), "1.0", 7, 5));
    assertThat(pins.get(1).name()).isEqualTo("tool");
    assertThat(pins.get(1).architecture()).contains("arm64");
    assertThat(pins.get(1).version()).isEqualTo("2:1.4-1");
    assertThat(pins.get(1).line()).isEqualTo(8);
    assertThat(pins.get(0).pins("app", "amd64")).isTrue();
    assertThat(pins.get(1).pins("tool", "amd64")).isFalse();
    assertThat(pins.get(1).pins("tool", "arm64")).isTrue();
  }

  @Test
  void movesPinsInFlowListKeepingTheRest() throws Exception {
    Path spec = spec("packages: [app=1.0, libc6, \"tool=1.0\"]  # pinned for the audit\n");
    List<SpecPin> pins = SpecPins.read(spec);

    SpecPins.move(
        spec,
        List.of(new SpecPins.Move(pins.get(0), "1.1"), new SpecPins.Move(pins.get(1), "1.2")));

    assertThat(Files.readString(spec))
        .isEqualTo(HEADER + "packages: [app=1.1, libc6, \"tool=1.2\"]  # pinned for the audit\n");
  }

  @Test
  void escapedPinIsRejectedAndSpecKept() throws Exception {
    Path spec = spec("packages:\n  - \"app\\x3d1.0\"\n");
    String before = Files.readString(spec);
    SpecPin pin = SpecPins.read(spec).get(0);
    assertThat(pin.request()).isEqualTo("app=1.0");

    assertThatThrownBy(() -> SpecPins.move(spec, List.of(new SpecPins.Move(pin, "1.1"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            spec
                + ":6: the pin app=1.0 is not written as plain text on that line; edit it by hand");
    assertThat(Files.readString(spec)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(spec);
    }
  }

  @Test
  void pinHoldingTwoVersionsCannotMove() throws Exception {
    SpecPin pin =
        new SpecPin(dir.resolve("s.yaml"), "app=1.0", "app", Optional.empty(), "1.0", 3, 5);
    PatchReport listing =
        listing(
            update("app", "amd64", "1.1", Optional.of(pin)),
            update("app", "arm64", "1.2", Optional.of(pin)));

    assertThatThrownBy(() -> HeldUpdates.pinMoves(listing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "app=1.0 holds back updates to 1.1 and 1.2 on different architectures");
  }

  @Test
  void updateKeptByResolverIsNotApplied() {
    SpecPin pin =
        new SpecPin(dir.resolve("s.yaml"), "app=1.0", "app", Optional.empty(), "1.0", 3, 5);
    PatchReport listing =
        listing(
            update("app", "amd64", "1.1", Optional.of(pin)),
            update("libfoo1", "amd64", "2.1", Optional.empty()),
            update("zlib1g", "amd64", "1.3", Optional.empty()));
    Lock newLock = lock(locked("app", "1.0"), locked("libfoo1", "2.0"), locked("zlib1g", "1.3"));

    List<ApplyReport.NotApplied> kept = HeldUpdates.notApplied(listing, newLock, List.of());

    assertThat(kept).hasSize(2);
    assertThat(kept.get(0).keptVersion()).isEqualTo("1.0");
    assertThat(kept.get(0).reason()).isEqualTo("held by " + dir.resolve("s.yaml") + ":3 (app=1.0)");
    assertThat(kept.get(1).update().installed().name()).isEqualTo("libfoo1");
    assertThat(kept.get(1).reason())
        .isEqualTo(
            "the resolver kept it, so a dependency or a conflict in the package set holds it");
  }

  private static PackageUpdate update(
      String name, String arch, String candidate, Optional<SpecPin> pin) {
    InstalledPackage installed = new InstalledPackage(name, "1.0", arch, name, "1.0");
    return new PackageUpdate(
        installed,
        candidate,
        candidate,
        "bookworm-security",
        List.of(),
        Optional.empty(),
        Optional.empty(),
        pin);
  }

  private static PatchReport listing(PackageUpdate... updates) {
    return new PatchReport("s.yaml", List.of(), updates.length, List.of(updates), List.of());
  }

  private static Lock.Package locked(String name, String version) {
    return new Lock.Package(
        name,
        version,
        "amd64",
        name,
        version,
        "debian",
        "bookworm-security",
        "pool/" + name + ".deb",
        1,
        "0".repeat(64),
        false);
  }

  private static Lock lock(Lock.Package... packages) {
    return new Lock(
        Lock.FORMAT_VERSION,
        "0".repeat(64),
        List.of(),
        List.of(),
        List.of("amd64"),
        List.of(),
        List.of(packages));
  }
}
