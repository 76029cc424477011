package dev.temper.cache;

/**
 * Sets the size of the buffers in which the JDK's HTTP client reads response bodies. The default of
 * 16 KiB hands a large blob to the reading thread in thousands of small pieces. With 256 KiB a
 * loopback pull of a 73 MB image took up to a quarter less time on a 2-core machine. The JDK reads
 * the value once, when its first client is made, and a value set with {@code -D} is kept.
 */
public final class HttpReadBuffers {
  static final String PROPERTY = "jdk.httpclient.bufsize";
  static final int BYTES = 256 * 1024;

  private HttpReadBuffers() {}

  /** Sets the buffer size unless it is already set. Call it before making an HTTP client. */
  public static void enlarge() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, Integer.toString(BYTES));
    }
  }
}
