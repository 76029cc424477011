package dev.temper.build;

import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The links that maintainer scripts of Java runtimes make: {@code /usr/bin/java} through {@code
 * /etc/alternatives} to the JRE's {@code bin/java}, as update-alternatives would with one JRE
 * installed, and the JRE's {@code lib/security/cacerts} to {@code /etc/ssl/certs/java/cacerts}, as
 * ca-certificates-java sets it up.
 */
final class RuntimeLinks {
  static final String ORIGIN = "links";
  private static final String JVM_ROOT = "usr/lib/jvm";

  private RuntimeLinks() {}

  /** Returns the JRE homes of the tree, such as {@code usr/lib/jvm/java-17-openjdk-amd64}. */
  static List<String> javaHomes(FileTree tree) {
    TreeSet<String> homes = new TreeSet<>();
    for (FileTree.Node node : tree.below(JVM_ROOT)) {
      String path = node.entry().path();
      if (path.endsWith("/bin/java") && node.entry().type() == EntryType.FILE) {
        String home = path.substring(0, path.length() - "/bin/java".length());
        if (home.lastIndexOf('/') == JVM_ROOT.length()) {
          homes.add(home);
        }
      }
    }
    return List.copyOf(homes);
  }

  /**
   * Adds the links for the first JRE home in sort order.
   *
   * @return the links made, as {@code path -> target}
   */
  static List<String> apply(FileTree tree) {
    List<String> made = new ArrayList<>();
    List<String> homes = javaHomes(tree);
    if (homes.isEmpty()) {
      return made;
    }
    String home = homes.get(0);
    for (FileTree.Node node : List.copyOf(tree.below(home + "/bin"))) {
      FileEntry tool = node.entry();
      boolean executable = tool.type() == EntryType.FILE && (tool.mode() & 0111) != 0;
      String name = tool.path().substring(tool.path().lastIndexOf('/') + 1);
      if (!executable || tool.path().indexOf('/', home.length() + 5) >= 0) {
        continue;
      }
      if (!tree.contains("usr/bin/" + name)) {
        link(tree, "etc/alternatives/" + name, "/" + tool.path(), made);
        link(tree, "usr/bin/" + name, "/etc/alternatives/" + name, made);
      }
    }
    String cacerts = home + "/lib/security/cacerts";
    boolean present = tree.get(cacerts).isPresent();
    if (!present && tree.contains(home + "/lib/security")) {
      link(tree, cacerts, "/" + CertificateStores.JAVA_TRUST_STORE, made);
    }
    return made;
  }

  private static void link(FileTree tree, String path, String target, List<String> made) {
    tree.put(FileEntry.symlink(path, target), ORIGIN);
    made.add("/" + path + " -> " + target);
  }
}
