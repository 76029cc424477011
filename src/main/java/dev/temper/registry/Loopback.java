package dev.temper.registry;

import java.util.Locale;

/** Recognises loopback host names and addresses from their text alone, without a DNS lookup. */
final class Loopback {
  private Loopback() {}

  /**
   * Returns whether {@code host} is {@code localhost}, an address in 127.0.0.0/8 or {@code ::1}.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.equals("localhost")
        || name.equals("::1")
        || name.equals("0:0:0:0:0:0:0:1")
        || name.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  }
}
