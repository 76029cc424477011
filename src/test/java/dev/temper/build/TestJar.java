package dev.temper.build;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a one-class program with javax.tools and packs it as an executable JAR. */
final class TestJar {
  /**
   * The program the java17 image runs: it counts the default trust store, makes a TLS connection
   * that must verify against it, and prints the time zone database version and its user.
   */
  static final String TLS_CHECK =
      "import java.io.*;\n"
          + "import java.nio.file.*;\n"
          + "import java.security.KeyStore;\n"
          + "import javax.net.ssl.*;\n"
          + "public class TlsCheck {\n"
          + "  public static void main(String[] args) throws Exception {\n"
          + "    File cacerts = new File(System.getProperty(\"java.home\"), \"lib/security/cacerts\");\n"
          + "    KeyStore store = KeyStore.getInstance(cacerts, \"changeit\".toCharArray());\n"
          + "    System.out.println(\"trust store entries: \" + store.size());\n"
          + "    SSLSocketFactory factory = SSLContext.getDefault().getSocketFactory();\n"
          + "    try (SSLSocket socket = (SSLSocket) factory.createSocket(\"127.0.0.1\","
          + " Integer.parseInt(args[0]))) {\n"
          + "      SSLParameters parameters = socket.getSSLParameters();\n"
          + "      parameters.setEndpointIdentificationAlgorithm(\"HTTPS\");\n"
          + "      socket.setSSLParameters(parameters);\n"
          + "      socket.startHandshake();\n"
          + "      BufferedReader in = new BufferedReader(new InputStreamReader("
          + "socket.getInputStream()));\n"
          + "      System.out.println(\"server said: \" + in.readLine());\n"
          + "    }\n"
          + "    System.out.println(\"tzdb version: \" +"
          + " java.time.zone.ZoneRulesProvider.getVersions(\"UTC\").lastKey());\n"
          + "    System.out.println(\"user: \" + System.getProperty(\"user.name\"));\n"
          + "    System.out.println(\"status: \" + Files.readAllLines(Path.of(\"/proc/self/status\"))"
          + ".stream().filter(l -> l.startsWith(\"Uid:\")).findFirst().orElse(\"?\"));\n"
          + "  }\n"
          + "}\n";

  private TestJar() {}

  /** Writes {@code app.jar} into the directory, running {@code TlsCheck}. */
  static Path build(Path directory) throws Exception {
    Path sources = Files.createDirectories(directory.resolve("src"));
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path source = sources.resolve("TlsCheck.java");
    Files.writeString(source, TLS_CHECK);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status =
        compiler.run(
            null, null, null, "--release", "17", "-d", classes.toString(), source.toString());
    if (status != 0) {
      throw new AssertionError("javac failed with " + status);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "TlsCheck");
    Path jar = directory.resolve("app.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Path compiled : List.of(classes.resolve("TlsCheck.class"))) {
        out.putNextEntry(new JarEntry(compiled.getFileName().toString()));
        out.write(Files.readAllBytes(compiled));
        out.closeEntry();
      }
    }
    return jar;
  }
}
