package dev.temper.patch;

import dev.temper.build.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Chooses the repositories whose candidates a patch compares the installed packages with. */
final class PatchRepositories {
  /** The label of a security suite that the spec does not list. */
  static final String ADDED_SECURITY_LABEL = "debian-security";

  private PatchRepositories() {}

  /**
   * The spec to read and the security suites that were added to it.
   *
   * @param spec the spec with the added suites
   * @param added the added suites, such as {@code bookworm-security}
   */
  record Chosen(Spec spec, List<String> added) {}

  /**
   * Returns the spec with {@code CODENAME-security} added for each codename whose suites come from
   * the default Debian mirror and that lists no security suite, so that a patch always reads the
   * security updates. Repositories with their own {@code url} are taken as they are.
   */
  static Chosen withSecurity(Spec spec) {
    Set<String> listed = new LinkedHashSet<>();
    Set<String> codenames = new LinkedHashSet<>();
    Spec.RepositorySpec model = null;
    for (Spec.RepositorySpec repository : spec.repositories()) {
      listed.addAll(repository.suites());
      if (repository.url() == null) {
        for (String suite : repository.suites()) {
          codenames.add(codenameOf(suite));
          model = model == null ? repository : model;
        }
      }
    }
    List<String> added = new ArrayList<>();
    for (String codename : codenames) {
      if (!listed.contains(codename + "-security")) {
        added.add(codename + "-security");
      }
    }
    if (added.isEmpty()) {
      return new Chosen(spec, List.of());
    }
    List<Spec.RepositorySpec> repositories = new ArrayList<>(spec.repositories());
    repositories.add(
        new Spec.RepositorySpec(
            unusedLabel(spec), null, added, model.components(), model.keyrings()));
    return new Chosen(withRepositories(spec, spec.architectures(), repositories), added);
  }

  /**
   * Returns a spec with the Debian defaults for a release: {@code CODENAME} and {@code
   * CODENAME-updates} from the Debian mirror and {@code CODENAME-security} from the security
   * mirror, component {@code main}, as the host's apt sources or the environment name them.
   */
  static Spec debianDefaults(String codename, List<String> architectures) {
    List<Spec.RepositorySpec> repositories =
        List.of(
            new Spec.RepositorySpec(
                "debian",
                null,
                List.of(codename, codename + "-updates"),
                List.of("main"),
                List.of()),
            new Spec.RepositorySpec(
                ADDED_SECURITY_LABEL,
                null,
                List.of(codename + "-security"),
                List.of("main"),
                List.of()));
    return new Spec(codename, architectures, repositories, List.of(), List.of(), Path.of("."));
  }

  /** Returns a spec with other architectures and repositories. */
  static Spec withRepositories(
      Spec spec, List<String> architectures, List<Spec.RepositorySpec> repositories) {
    return new Spec(
        spec.name(),
        architectures,
        repositories,
        spec.packages(),
        spec.exclude(),
        spec.directory(),
        spec.image());
  }

  /** Returns the codename of a suite: {@code bookworm} for {@code bookworm-updates}. */
  static String codenameOf(String suite) {
    int dash = suite.indexOf('-');
    return dash < 0 ? suite : suite.substring(0, dash);
  }

  private static String unusedLabel(Spec spec) {
    String label = ADDED_SECURITY_LABEL;
    for (int i = 2; labelTaken(spec, label); i++) {
      label = ADDED_SECURITY_LABEL + "-" + i;
    }
    return label;
  }

  private static boolean labelTaken(Spec spec, String label) {
    return spec.repositories().stream().anyMatch(r -> r.name().equals(label));
  }
}
