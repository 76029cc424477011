package dev.temper.sbom;

import java.nio.charset.StandardCharsets;

/** Builds package URLs as the purl specification writes them. */
final class Purls {
  private Purls() {}

  /** Returns {@code pkg:deb/NAMESPACE/NAME@VERSION?arch=ARCH&distro=DISTRO}. */
  static String deb(DebianPackage p, OsRelease os) {
    String namespace = os == null ? "debian" : os.id();
    StringBuilder purl =
        new StringBuilder("pkg:deb/")
            .append(encode(namespace))
            .append('/')
            .append(encode(p.name()))
            .append('@')
            .append(encode(p.version()))
            .append("?arch=")
            .append(encode(p.architecture()));
    if (os != null && os.distro() != null) {
      purl.append("&distro=").append(encode(os.distro()));
    }
    return purl.toString();
  }

  /** Returns the purl of a source package, with {@code arch=source}. */
  static String debSource(DebianPackage p, OsRelease os) {
    String namespace = os == null ? "debian" : os.id();
    StringBuilder purl =
        new StringBuilder("pkg:deb/")
            .append(encode(namespace))
            .append('/')
            .append(encode(p.sourceName()))
            .append('@')
            .append(encode(p.sourceVersion()))
            .append("?arch=source");
    if (os != null && os.distro() != null) {
      purl.append("&distro=").append(encode(os.distro()));
    }
    return purl.toString();
  }

  /** Returns {@code pkg:maven/GROUP/ARTIFACT@VERSION}, or null without a group or version. */
  static String maven(JavaArchive a) {
    if (a.groupId() == null || a.version() == null) {
      return null;
    }
    return "pkg:maven/"
        + encode(a.groupId())
        + '/'
        + encode(a.artifactId())
        + '@'
        + encode(a.version());
  }

  /** Percent-encodes every byte outside the purl's unreserved set {@code A-Z a-z 0-9 . - _ ~}. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '.'
          || c == '-'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
