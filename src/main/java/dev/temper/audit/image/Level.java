package dev.temper.audit.image;

/** How an audit check ended, most serious first. */
public enum Level {
  FAIL,
  WARN,
  INFO,
  PASS
}
