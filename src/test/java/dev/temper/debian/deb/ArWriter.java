package dev.temper.debian.deb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes ar archives member by member, so tests can build broken {@code .deb} files. */
final class ArWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ArWriter() {
    out.writeBytes("!<arch>\n".getBytes(StandardCharsets.US_ASCII));
  }

  ArWriter member(String name, byte[] content) {
    return member(name, content.length, content);
  }

  ArWriter member(String name, String content) {
    return member(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a member header that declares {@code size} bytes, followed by {@code content}. */
  ArWriter member(String name, long size, byte[] content) {
    String header =
        String.format("%-16s%-12s%-6s%-6s%-8s%-10s`\n", name, "0", "0", "0", "100644", size);
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(content);
    if (content.length % 2 == 1) {
      out.write('\n');
    }
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
