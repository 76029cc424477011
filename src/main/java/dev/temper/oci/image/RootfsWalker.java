package dev.temper.oci.image;

import dev.temper.archive.EntryType;
import dev.temper.archive.LimitedInputStream;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a root file system directory in sorted order, parents first, without following symbolic
 * links. Further names of one inode become hard links to the first name seen. Like {@code find
 * -xdev}, it stays on the root's file system: a directory where another file system is mounted
 * (such as {@code /proc} when the root is a live system's {@code /}) is listed but not entered.
 */
final class RootfsWalker {
  private static final String ATTRIBUTES = "unix:mode,uid,gid,ino,dev,size";
  private static final int FILE_TYPE_MASK = 0170000;
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR = 0100000;
  private static final int SYMLINK = 0120000;

  private RootfsWalker() {}

  static void walk(String source, Path root, ImageFileVisitor visitor, WalkOptions options)
      throws IOException, TemperException {
    Map<String, String> firstNameOfInode = new HashMap<>();
    Object rootDevice = Files.getAttribute(root, "unix:dev");
    Deque<String> pending = new ArrayDeque<>();
    pushChildren(root, "", pending, options, source);
    long count = 0;
    while (!pending.isEmpty()) {
      String path = pending.pop();
      if (++count > options.limits().maxEntries()) {
        throw new InvalidInputException(
            source + ": more than " + options.limits().maxEntries() + " entries");
      }
      if (path.length() > options.limits().maxPathLength()) {
        warn(options, source, path, "path longer than " + options.limits().maxPathLength());
        continue;
      }
      Path file = root.resolve(path);
      Map<String, Object> attributes;
      try {
        attributes = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException | AccessDeniedException e) {
        // A live system changes while it is walked, and some files only root may read.
        warn(options, source, path, "cannot read: " + e.getClass().getSimpleName());
        continue;
      }
      int mode = (Integer) attributes.get("mode");
      int uid = (Integer) attributes.get("uid");
      int gid = (Integer) attributes.get("gid");
      switch (mode & FILE_TYPE_MASK) {
        case DIRECTORY -> {
          visitor.visit(
              entry(path, EntryType.DIRECTORY, mode, uid, gid, null, 0),
              InputStream.nullInputStream());
          if (rootDevice.equals(attributes.get("dev"))) {
            pushChildren(root, path, pending, options, source);
          } else {
            warn(options, source, path, "another file system is mounted here; not entered");
          }
        }
        case SYMLINK -> {
          String target = Files.readSymbolicLink(file).toString();
          visitor.visit(
              entry(path, EntryType.SYMLINK, mode, uid, gid, target, 0),
              InputStream.nullInputStream());
        }
        case REGULAR -> {
          String inode = attributes.get("dev") + ":" + attributes.get("ino");
          String first = firstNameOfInode.putIfAbsent(inode, path);
          if (first != null) {
            visitor.visit(
                entry(path, EntryType.HARDLINK, mode, uid, gid, first, 0),
                InputStream.nullInputStream());
          } else {
            long size = (Long) attributes.get("size");
            InputStream opened;
            try {
              opened = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException | AccessDeniedException e) {
              warn(options, source, path, "cannot read: " + e.getClass().getSimpleName());
              continue;
            }
            try (InputStream in = new LimitedInputStream(opened, size)) {
              visitor.visit(entry(path, EntryType.FILE, mode, uid, gid, null, size), in);
            }
          }
        }
        default -> warn(options, source, path, "not a file, directory or symbolic link");
      }
    }
  }

  private static ImageFile entry(
      String path, EntryType type, int mode, int uid, int gid, String linkTarget, long size) {
    return new ImageFile(path, type, mode & 07777, uid, gid, linkTarget, size, 0, null);
  }

  private static void pushChildren(
      Path root, String parent, Deque<String> pending, WalkOptions options, String source)
      throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(root.resolve(parent))) {
      for (Path child : children) {
        names.add(child.getFileName().toString());
      }
    } catch (NoSuchFileException | AccessDeniedException e) {
      warn(options, source, parent, "cannot list: " + e.getClass().getSimpleName());
      return;
    }
    names.sort(null);
    for (int i = names.size() - 1; i >= 0; i--) {
      pending.push(TarPaths.join(parent, names.get(i)));
    }
  }

  private static void warn(WalkOptions options, String source, String path, String problem) {
    options.warnings().accept(new WalkWarning(source, 0, null, path, problem));
  }
}
