package dev.temper.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test packages that look like the parts of a Debian base system temper has to handle. */
final class Fixtures {
  private Fixtures() {}

  static DebBuilder baseFiles() {
    return DebBuilder.deb("base-files", "12.4")
        .dir("/etc")
        .symlink("/etc/os-release", "../usr/lib/os-release")
        .dir("/usr/lib")
        .file("/usr/lib/os-release", "PRETTY_NAME=\"Test GNU/Linux 12\"\nID=debian\n")
        .dir("/usr/share/doc/base-files")
        .file("/usr/share/doc/base-files/copyright", "public domain\n")
        .file("/usr/share/doc/base-files/README", "docs\n");
  }

  static DebBuilder libc() {
    return DebBuilder.deb("libc6", "2.36-9")
        .field("Depends", "libgcc-s1")
        .dir("/lib/x86_64-linux-gnu")
        .file("/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "\u007fELF loader", 0755)
        .dir("/lib64")
        .symlink("/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
        .dir("/usr/share/man/man1")
        .file("/usr/share/man/man1/ldd.1.gz", "man");
  }

  static DebBuilder tools() {
    return DebBuilder.deb("tools", "1.0")
        .dir("/bin")
        .file("/bin/sh", "#!shell", 0755)
        .file("/bin/tool", "tool", 0755)
        .hardlink("/bin/tool2", "./bin/tool")
        .symlink("/bin/tool3", "../usr/lib/tool-data")
        .dir("/usr/bin")
        .file("/usr/bin/su", "su", 04755)
        .file("/usr/bin/wall", "wall", 02755)
        .dir("/usr/lib")
        .file("/usr/lib/tool-data", "data");
  }

  static DebBuilder jre() {
    String home = "/usr/lib/jvm/java-17-openjdk-amd64";
    return DebBuilder.deb("openjdk-17-jre-headless", "17.0.15+6-1~deb12u1")
        .dir(home + "/bin")
        .file(home + "/bin/java", "java", 0755)
        .file(home + "/bin/keytool", "keytool", 0755)
        .dir(home + "/lib/security")
        .symlink(home + "/lib/security/cacerts", "/etc/ssl/certs/java/cacerts");
  }

  static DebBuilder caCertificates(Path certificate) throws Exception {
    return DebBuilder.deb("ca-certificates", "20230311")
        .arch("all")
        .dir("/usr/share/ca-certificates/mozilla")
        .file("/usr/share/ca-certificates/mozilla/Test_Root.crt", Files.readString(certificate));
  }

  /** Makes a self-signed CA certificate in PEM with the JDK's keytool. */
  static Path certificate(Path directory, String name) throws Exception {
    Path store = directory.resolve(name + ".p12");
    Path pem = directory.resolve(name + ".pem");
    run(
        "keytool",
        "-genkeypair",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-dname",
        "CN=" + name,
        "-validity",
        "3650",
        "-ext",
        "bc:c");
    run(
        "keytool",
        "-exportcert",
        "-rfc",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit",
        "-alias",
        name,
        "-file",
        pem.toString());
    return pem;
  }

  static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
