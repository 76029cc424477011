package dev.temper.debian.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.archive.Content;
import dev.temper.archive.FileEntry;
import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlMemberTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void md5sumsStripsLeadingDotSlash() throws Exception {
    String text =
        "d41d8cd98f00b204e9800998ecf8427e  usr/share/doc/x/copyright\n"
            + "0cc175b9c0f1b6a831c399e269772661  ./usr/bin/a b\n";

    Map<String, String> sums = ControlMember.parseMd5sums(bytes(text), "x.deb md5sums");

    assertThat(sums)
        .containsExactly(
            Map.entry("usr/share/doc/x/copyright", "d41d8cd98f00b204e9800998ecf8427e"),
            Map.entry("usr/bin/a b", "0cc175b9c0f1b6a831c399e269772661"));
  }

  @Test
  void md5sumsRejectsMalformedLine() {
    String text = "d41d8cd98f00b204e9800998ecf8427e  ok\nnot-a-sum  usr/bin/x\n";

    assertThatThrownBy(() -> ControlMember.parseMd5sums(bytes(text), "x.deb md5sums"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("x.deb md5sums: line 2: expected '<md5 in hex>  <path>'");
  }

  @Test
  void conffilesDropsFlags() {
    String text = "/etc/a.conf\nremove-on-upgrade /etc/old.conf\n\n";

    assertThat(ControlMember.parseConffiles(bytes(text)))
        .containsExactly("/etc/a.conf", "/etc/old.conf");
  }

  @Test
  void controlRequiresPackageVersionArchitecture() {
    FileEntry control =
        FileEntry.file("control", 0644, Content.of(bytes("Package: x\nVersion: 1\n")));

    assertThatThrownBy(() -> ControlMember.parse(List.of(control), "x.deb control.tar.xz"))
        .hasMessage("x.deb control.tar.xz control: missing field 'Architecture'");
  }

  @Test
  void controlRejectsSecondParagraph() {
    String text = "Package: x\nVersion: 1\nArchitecture: all\n\nPackage: y\n";
    FileEntry control = FileEntry.file("control", 0644, Content.of(bytes(text)));

    assertThatThrownBy(() -> ControlMember.parse(List.of(control), "x.deb control.tar.xz"))
        .hasMessage("x.deb control.tar.xz control: expected one paragraph but found 2");
  }

  @Test
  void controlListsScriptsSorted() throws Exception {
    List<FileEntry> files =
        List.of(
            FileEntry.file(
                "control", 0644, Content.of(bytes("Package: x\nVersion: 1\nArchitecture: all\n"))),
            FileEntry.file("postrm", 0755, Content.of(bytes("#!/bin/sh\n"))),
            FileEntry.file("preinst", 0755, Content.of(bytes("#!/bin/sh\n"))),
            FileEntry.file("triggers", 0644, Content.of(bytes("interest x\n"))));

    ControlMember.Parsed parsed = ControlMember.parse(files, "x.deb control.tar");

    assertThat(parsed.maintainerScripts()).containsExactly("postrm", "preinst");
    assertThat(parsed.md5sums()).isNull();
    assertThat(parsed.controlFiles()).containsExactly("control", "postrm", "preinst", "triggers");
  }
}
