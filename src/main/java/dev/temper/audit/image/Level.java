package dev.temper.audit.image;

/** The outcome of an audit check, most serious first. */
public enum Level {
  FAIL,
  WARN,
  INFO,
  PASS
}
