package dev.temper.audit.dockerfile;

import dev.temper.error.InvalidInputException;

/** A Dockerfile that cannot be parsed, with the line and column of the problem. */
public final class DockerfileSyntaxException extends InvalidInputException {
  private final int line;
  private final int column;

  public DockerfileSyntaxException(String file, int line, int column, String problem) {
    super(file + ":" + line + ":" + column + ": " + problem);
    this.line = line;
    this.column = column;
  }

  /** Returns the 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column of the problem. */
  public int column() {
    return column;
  }
}
