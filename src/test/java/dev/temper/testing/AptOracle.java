package dev.temper.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real {@code apt-get} in a private directory, with an empty dpkg status and none of the
 * host's apt configuration, to learn which packages apt would install: {@code apt-get update}
 * against the given sources, then {@code apt-get install --simulate --no-install-recommends}.
 */
public final class AptOracle {
  private static final Pattern INST =
      Pattern.compile("^Inst (\\S+) (?:\\[[^]]*] )?\\((\\S+) .*\\[(\\S+)]\\)", Pattern.MULTILINE);

  /**
   * One deb822 source entry.
   *
   * @param uri the archive root
   * @param suites the suites, such as {@code bookworm}
   * @param components the components, such as {@code main}
   * @param signedBy the keyring that signs the archive
   */
  public record Source(URI uri, List<String> suites, List<String> components, Path signedBy) {}

  private final Path dir;
  private final Path config;

  private AptOracle(Path dir, Path config) {
    this.dir = dir;
    this.config = config;
  }

  /** Configures apt under {@code dir} for amd64 only and runs {@code apt-get update}. */
  public static AptOracle create(Path dir, List<Source> sources)
      throws IOException, InterruptedException {
    Path root = Files.createDirectories(dir.toAbsolutePath());
    for (String sub : List.of("lists/partial", "cache/archives/partial", "parts", "prefs")) {
      Files.createDirectories(root.resolve(sub));
    }
    Path status = Files.writeString(root.resolve("status"), "");
    StringBuilder list = new StringBuilder();
    for (Source source : sources) {
      list.append("Types: deb\nURIs: ").append(source.uri()).append('\n');
      list.append("Suites: ").append(String.join(" ", source.suites())).append('\n');
      list.append("Components: ").append(String.join(" ", source.components())).append('\n');
      list.append("Signed-By: ").append(source.signedBy().toAbsolutePath()).append("\n\n");
    }
    Path sourcesDir = Files.createDirectories(root.resolve("sources"));
    Files.writeString(sourcesDir.resolve("oracle.sources"), list.toString());
    String conf =
        String.join(
            "\n",
            "Dir::State::status \"" + status + "\";",
            "Dir::State::Lists \"" + root.resolve("lists") + "\";",
            "Dir::Etc::sourcelist \"/dev/null\";",
            "Dir::Etc::sourceparts \"" + sourcesDir + "\";",
            "Dir::Etc::parts \"" + root.resolve("parts") + "\";",
            "Dir::Etc::preferences \"/dev/null\";",
            "Dir::Etc::preferencesparts \"" + root.resolve("prefs") + "\";",
            "Dir::Cache \"" + root.resolve("cache") + "\";",
            "APT::Architecture \"amd64\";",
            "APT::Architectures { \"amd64\"; };",
            "Acquire::Languages \"none\";",
            "Debug::NoLocking \"true\";",
            "");
    Path config = Files.writeString(root.resolve("apt.conf"), conf, StandardCharsets.UTF_8);
    AptOracle oracle = new AptOracle(root, config);
    oracle.apt(List.of("apt-get", "update", "-q"));
    return oracle;
  }

  /**
   * Returns what {@code apt-get install --simulate --no-install-recommends PACKAGES} would install,
   * as {@code name -> version}, sorted by name.
   *
   * @throws IllegalStateException with apt's output when apt refuses the request
   */
  public Map<String, String> install(List<String> packages)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("apt-get", "install", "--simulate", "--no-install-recommends"));
    command.addAll(packages);
    String output = apt(command);
    Map<String, String> result = new TreeMap<>();
    Matcher inst = INST.matcher(output);
    while (inst.find()) {
      result.put(inst.group(1), inst.group(2));
    }
    return result;
  }

  private String apt(List<String> command) throws IOException, InterruptedException {
    return Commands.run(dir, Map.of("APT_CONFIG", config.toString(), "LC_ALL", "C"), command);
  }
}
