package dev.temper.oci.testing;

import dev.temper.error.TemperException;
import dev.temper.oci.image.ImageFile;
import dev.temper.oci.image.ImageFiles;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.WalkOptions;
import dev.temper.oci.image.WalkWarning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects an image's final file view for assertions. */
public final class FileViews {
  private FileViews() {}

  /** One visited entry with its content as text. */
  public record Seen(ImageFile file, String content) {}

  /** The visited entries by path, and the warnings. */
  public record View(Map<String, Seen> files, List<WalkWarning> warnings) {
    /** Returns the content of the file at the path. */
    public String content(String path) {
      Seen seen = files.get(path);
      if (seen == null) {
        throw new AssertionError("no entry " + path + " in " + files.keySet());
      }
      return seen.content();
    }
  }

  /** Walks the image and records every entry and warning; a path visited twice fails. */
  public static View walk(ImageSource source) throws IOException, TemperException {
    Map<String, Seen> files = new TreeMap<>();
    List<WalkWarning> warnings = new ArrayList<>();
    ImageFiles.walk(
        source,
        (file, content) -> {
          String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
          if (files.put(file.path(), new Seen(file, text)) != null) {
            throw new AssertionError("visited twice: " + file.path());
          }
        },
        WalkOptions.DEFAULT.withWarnings(warnings::add));
    return new View(files, warnings);
  }
}
