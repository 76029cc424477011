package dev.temper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the version that Maven wrote into {@code temper-version.properties}. */
final class TemperVersion {
  private TemperVersion() {}

  /** Returns the version number, such as {@code 0.1.0}, or {@code unknown} outside a build. */
  static String number() {
    Properties properties = new Properties();
    try (InputStream in = TemperVersion.class.getResourceAsStream("/temper-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read temper-version.properties from the jar", e);
    }
    return properties.getProperty("version", "unknown");
  }

  /** Returns the line that {@code --version} prints, such as {@code temper 0.1.0}. */
  static String line() {
    return "temper " + number();
  }
}
