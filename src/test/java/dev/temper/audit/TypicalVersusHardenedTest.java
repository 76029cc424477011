package dev.temper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.cli.Main;
import dev.temper.testing.HardenedImage;
import dev.temper.testing.TypicalImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Audits and compares the debootstrap image and examples/java17 built from the real archive. */
@Tag("archive")
class TypicalVersusHardenedTest {
  private record Run(int code, String out, String err) {}

  private static Run temper(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void auditFailsTypicalImage() throws Exception {
    Run run = temper("audit", TypicalImage.reference());

    assertThat(run.code()).as(run.out()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  TA001 No shell in the image", "/usr/bin/bash");
    assertThat(run.out()).contains("FAIL  TA002 No package manager in the image", "/usr/bin/dpkg");
    assertThat(run.out()).contains("FAIL  TA003 No setuid or setgid files");
    assertThat(run.out()).contains("FAIL  TA005 Does not run as root");
  }

  @Test
  void auditPassesHardenedImage() throws Exception {
    Run run = temper("audit", HardenedImage.reference());

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    for (String check :
        new String[] {
          "TA001", "TA002", "TA003", "TA004", "TA005", "TA008", "TA011", "TA013", "TA014"
        }) {
      assertThat(run.out()).as(check).contains("PASS  " + check);
    }
  }

  @Test
  void diffShowsWhatHardeningRemoves() throws Exception {
    Run run =
        temper("diff", "--format", "json", TypicalImage.reference(), HardenedImage.reference());

    assertThat(run.code()).as(run.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    int typicalPackages = json.path("before").path("packages").asInt();
    int hardenedPackages = json.path("after").path("packages").asInt();
    assertThat(hardenedPackages).isPositive();
    assertThat(hardenedPackages).isLessThan(typicalPackages);
    assertThat(json.path("before").path("shells")).isNotEmpty();
    assertThat(json.path("after").path("shells")).isEmpty();
    assertThat(json.path("after").path("packageManagers")).isEmpty();
    assertThat(json.path("after").path("compressedSize").asLong())
        .isLessThan(json.path("before").path("compressedSize").asLong());
    assertThat(json.path("removed").toString()).contains("\"name\":\"bash\"", "\"name\":\"dpkg\"");
  }
}
