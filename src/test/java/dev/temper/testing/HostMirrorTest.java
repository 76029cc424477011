package dev.temper.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class HostMirrorTest {
  @TempDir Path dir;

  @Test
  void oneLineStyleSkipsCommentsSourcesAndOptions() throws IOException {
    Path list =
        write(
            "sources.list",
            """
        # deb http://commented.invalid/debian bookworm main
        deb-src http://source.invalid/debian bookworm main
        deb [ arch=amd64 signed-by=/usr/share/keyrings/k.gpg ] http://one.invalid/debian bookworm main
        deb [trusted=yes] http://two.invalid/debian-security bookworm-security main # trailing
        deb http://three.invalid/debian bookworm-updates main contrib
        """);
    HostMirror mirror = HostMirror.read(list, dir.resolve("none"));

    assertThat(mirror.uriFor("bookworm")).isEqualTo(URI.create("http://one.invalid/debian/"));
    assertThat(mirror.uriFor("bookworm-security"))
        .isEqualTo(URI.create("http://two.invalid/debian-security/"));
    assertThat(mirror.uriFor("bookworm-updates"))
        .isEqualTo(URI.create("http://three.invalid/debian/"));
  }

  @Test
  void deb822StyleReadsSuitesAndSkipsDisabledStanzas() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("sources.list.d"));
    write(
        "sources.list.d/a.sources",
        """
        Types: deb-src
        URIs: http://source.invalid/debian
        Suites: trixie

        Types: deb
        Enabled: no
        URIs: http://disabled.invalid/debian
        Suites: bookworm
        Components: main
        """);
    write(
        "sources.list.d/b.sources",
        """
        # The mirror in use.
        types: deb deb-src
        uris: http://mirror.invalid/debian
         http://fallback.invalid/debian
        suites: bookworm
         bookworm-updates
        components: main
        """);
    write(
        "sources.list.d/c.sources.disabled",
        """
        Types: deb
        URIs: http://ignored.invalid/debian
        Suites: trixie
        """);
    HostMirror mirror = HostMirror.read(dir.resolve("missing.list"), sources);

    assertThat(mirror.uriFor("bookworm")).isEqualTo(URI.create("http://mirror.invalid/debian/"));
    assertThat(mirror.uriFor("bookworm-updates"))
        .isEqualTo(URI.create("http://mirror.invalid/debian/"));
    assertThat(mirror.sources()).hasSize(1);
  }

  @Test
  void missingSuiteFailsWithWhereToConfigureIt() throws IOException {
    HostMirror mirror = HostMirror.read(dir.resolve("a.list"), dir.resolve("d"));

    assertThatThrownBy(() -> mirror.uriFor("bookworm"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no Debian mirror for suite 'bookworm' in "
                + dir.resolve("a.list")
                + " and "
                + dir.resolve("d")
                + "/*.sources; add a 'deb URI bookworm main' line or a deb822 stanza with"
                + " 'Suites: bookworm' so the archive tests can download its Packages index");
  }

  @Test
  void oneLineWithoutSuiteIsRejected() throws IOException {
    Path list = write("sources.list", "deb [arch=amd64] http://one.invalid/debian\n");

    assertThatThrownBy(() -> HostMirror.read(list, dir.resolve("none")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(list + ": line 1: expected 'deb [options] URI SUITE [COMPONENT...]'");
  }

  @Test
  void fetchDownloadsOnceAndDecompresses() throws Exception {
    byte[] xz = xz("Package: hello\n");
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = serve("/debian/dists/bookworm/main/binary-amd64/Packages.xz", xz, requests);
    try {
      HostMirror mirror = mirrorAt(server);
      Path cache = dir.resolve("cache");

      Path first = mirror.fetchPackagesXz("bookworm", "main", "amd64", cache);
      Path second = mirror.fetchPackagesXz("bookworm", "main", "amd64", cache);

      assertThat(second).isEqualTo(cache.resolve("bookworm/main/binary-amd64/Packages.xz"));
      assertThat(first).isEqualTo(second);
      assertThat(requests.get()).isEqualTo(1);
      try (InputStream in = HostMirror.openXz(first)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("Package: hello\n");
      }
    } finally {
      server.stop(0);
    }
  }

  @Test
  void fetchRejectsHttpError() throws Exception {
    HttpServer server = serve("/elsewhere", new byte[0], new AtomicInteger());
    try {
      HostMirror mirror = mirrorAt(server);
      Path cache = dir.resolve("cache");
      URI expected =
          mirror.uriFor("bookworm").resolve("dists/bookworm/main/binary-amd64/Packages.xz");

      assertThatThrownBy(() -> mirror.fetchPackagesXz("bookworm", "main", "amd64", cache))
          .isInstanceOf(IOException.class)
          .hasMessage("GET " + expected + " returned HTTP 404");
      assertThat(cache.resolve("bookworm/main/binary-amd64")).isEmptyDirectory();
    } finally {
      server.stop(0);
    }
  }

  private HostMirror mirrorAt(HttpServer server) throws IOException {
    int port = server.getAddress().getPort();
    Path list = write("sources.list", "deb http://127.0.0.1:" + port + "/debian bookworm main\n");
    return HostMirror.read(list, dir.resolve("none"));
  }

  private static HttpServer serve(String path, byte[] body, AtomicInteger requests)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          boolean found = exchange.getRequestURI().getPath().equals(path);
          exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(found ? body : new byte[0]);
          }
        });
    server.start();
    return server;
  }

  private static byte[] xz(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
