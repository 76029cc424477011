package dev.temper.audit.pin;

import dev.temper.audit.dockerfile.DockerfileParser;
import dev.temper.audit.dockerfile.DockerfileSyntaxException;
import dev.temper.audit.dockerfile.Stage;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.files.TemporaryNames;
import dev.temper.oci.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pins the base images of a Dockerfile by digest: each {@code FROM image:tag} becomes {@code FROM
 * image:tag@sha256:...}. Flags such as {@code --platform=}, {@code AS name}, comments and every
 * other byte of the file stay as they are. Lines that already name a digest, {@code scratch},
 * earlier build stages and images built from build arguments are left alone. Which lines start a
 * {@code FROM} instruction comes from {@link DockerfileParser}, so text that only looks like one,
 * inside a here-document or a continued {@code RUN}, is not touched.
 */
public final class DockerfilePinner {
  /** Resolves an image name, as written after {@code FROM}, to the digest its tag names now. */
  @FunctionalInterface
  public interface Resolver {
    Digest resolve(String image) throws IOException, TemperException;
  }

  /**
   * The outcome of pinning.
   *
   * @param lines every {@code FROM} line with its status before pinning
   * @param text the rewritten Dockerfile
   */
  public record Result(List<FromLine> lines, String text) {
    /** Returns the lines that had no digest. */
    public List<FromLine> unpinned() {
      return lines.stream().filter(line -> line.status() == FromLine.Status.UNPINNED).toList();
    }
  }

  private static final long MAX_DOCKERFILE_BYTES = 4 << 20;
  // FROM, its flags, the image and an optional AS name, each separated by blanks.
  private static final Pattern FROM =
      Pattern.compile(
          "^(\\s*FROM\\s+)((?:--\\S+\\s+)*)(\\S+)(\\s+AS\\s+(\\S+))?(\\s*)$",
          Pattern.CASE_INSENSITIVE);

  private DockerfilePinner() {}

  /**
   * Lists the {@code FROM} lines of a Dockerfile with their status, without resolving anything.
   *
   * @param file names the Dockerfile in error messages
   * @throws DockerfileSyntaxException when the text is not a valid Dockerfile
   */
  public static List<FromLine> scan(String dockerfile, String file)
      throws DockerfileSyntaxException {
    try {
      return process(dockerfile, file, null).lines();
    } catch (DockerfileSyntaxException e) {
      throw e;
    } catch (IOException | TemperException e) {
      throw new AssertionError("scanning resolves nothing, so only parsing can fail", e);
    }
  }

  /**
   * Pins every unpinned {@code FROM} line, resolving each image once.
   *
   * @param file names the Dockerfile in error messages
   * @throws DockerfileSyntaxException when the text is not a valid Dockerfile
   * @throws TemperException when an image cannot be resolved; nothing is rewritten then
   */
  public static Result pin(String dockerfile, String file, Resolver resolver)
      throws IOException, TemperException {
    return process(dockerfile, file, resolver);
  }

  /**
   * Reads a Dockerfile, bounded to 4 MiB.
   *
   * @throws InvalidInputException when it is larger
   */
  public static String read(Path dockerfile) throws IOException, InvalidInputException {
    if (Files.size(dockerfile) > MAX_DOCKERFILE_BYTES) {
      throw new InvalidInputException(
          dockerfile + ": larger than " + MAX_DOCKERFILE_BYTES + " bytes");
    }
    return Files.readString(dockerfile, StandardCharsets.UTF_8);
  }

  /** Replaces the Dockerfile through a temporary sibling and a rename, keeping its permissions. */
  public static void writeAtomically(Path dockerfile, String text) throws IOException {
    Path absolute = dockerfile.toAbsolutePath();
    Path temporary =
        TemporaryNames.createFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      if (absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(absolute);
        Files.setPosixFilePermissions(temporary, permissions);
      }
      Files.move(
          temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Result process(String dockerfile, String file, Resolver resolver)
      throws IOException, TemperException {
    // The parser handles continuations, here-documents and the escape directive. Map each FROM
    // instruction's first line to the line it ends on.
    Map<Integer, Integer> fromLines = new HashMap<>();
    for (Stage stage : DockerfileParser.parse(dockerfile, file).stages()) {
      fromLines.put(stage.from().line(), stage.from().endLine());
    }
    List<FromLine> lines = new ArrayList<>();
    Set<String> stages = new HashSet<>();
    Map<String, Digest> resolved = new HashMap<>();
    StringBuilder out = new StringBuilder(dockerfile.length() + 256);
    int number = 0;
    for (String line : dockerfile.split("(?<=\n)", -1)) {
      number++;
      String body =
          line.endsWith("\r\n")
              ? line.substring(0, line.length() - 2)
              : line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
      String ending = line.substring(body.length());
      Integer endLine = fromLines.get(number);
      if (endLine == null) {
        out.append(line);
        continue;
      }
      // NOTE: a FROM instruction split over several lines is reported, not rewritten.
      if (endLine > number) {
        lines.add(new FromLine(number, body.strip(), FromLine.Status.CONTINUED));
        out.append(line);
        continue;
      }
      Matcher from = FROM.matcher(body);
      if (!from.matches()) {
        throw new InvalidInputException(
            file + ":" + number + ": FROM takes flags, an image and an optional AS name: " + body);
      }
      String image = from.group(3);
      FromLine.Status status = status(image, stages);
      lines.add(new FromLine(number, image, status));
      if (from.group(5) != null) {
        stages.add(from.group(5).toLowerCase(Locale.ROOT));
      }
      if (status != FromLine.Status.UNPINNED || resolver == null) {
        out.append(line);
        continue;
      }
      Digest digest = resolved.get(image);
      if (digest == null) {
        digest = resolver.resolve(image);
        resolved.put(image, digest);
      }
      out.append(body, 0, from.start(3))
          .append(image)
          .append('@')
          .append(digest)
          .append(body.substring(from.end(3)))
          .append(ending);
    }
    return new Result(List.copyOf(lines), out.toString());
  }

  private static FromLine.Status status(String image, Set<String> stages) {
    if (image.contains("$")) {
      return FromLine.Status.VARIABLE;
    }
    if (image.equalsIgnoreCase("scratch")) {
      return FromLine.Status.SCRATCH;
    }
    if (stages.contains(image.toLowerCase(Locale.ROOT))) {
      return FromLine.Status.STAGE;
    }
    if (image.contains("@")) {
      return FromLine.Status.PINNED;
    }
    return FromLine.Status.UNPINNED;
  }
}
