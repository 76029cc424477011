package dev.temper.audit.image;

import dev.temper.audit.SecretPatterns;
import dev.temper.oci.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Audit checks on the image config and manifest annotations. */
final class ConfigChecks {
  private ConfigChecks() {}

  static CheckResult user(ImageConfig config) {
    String user = config.config() == null ? null : config.config().user();
    String name = user == null ? "" : user.split(":", 2)[0].strip();
    List<Evidence> evidence = new ArrayList<>();
    if (name.isEmpty() || name.equals("0") || name.equals("root")) {
      evidence.add(
          Evidence.config(
              "config.User", name.isEmpty() ? "empty, so the container runs as root" : user));
    }
    return ImageAuditor.check(
        "TA005",
        "CIS-DI-0001",
        Level.FAIL,
        "Does not run as root",
        evidence,
        "Set a non-root user, such as 65532:65532 (nonroot).");
  }

  static CheckResult environmentSecrets(ImageConfig config) {
    List<Evidence> evidence = new ArrayList<>();
    List<String> env = config.config() == null ? List.of() : config.config().env();
    for (int i = 0; i < env.size(); i++) {
      String entry = env.get(i);
      int equals = entry.indexOf('=');
      String name = equals < 0 ? entry : entry.substring(0, equals);
      String value = equals < 0 ? "" : entry.substring(equals + 1);
      boolean named = SecretPatterns.isSecretName(name) && !value.isEmpty();
      if (named || SecretPatterns.containsSecretValue(value)) {
        evidence.add(
            Evidence.config("config.Env[" + i + "]", name + "=" + SecretPatterns.redact(value)));
      }
    }
    return ImageAuditor.check(
        "TA006",
        "CIS-DI-0010",
        Level.FAIL,
        "No secrets in environment variables",
        evidence,
        "Pass secrets at run time (mounted files or the orchestrator's secrets), not in ENV.");
  }

  static CheckResult historySecrets(ImageConfig config) {
    List<Evidence> evidence = new ArrayList<>();
    List<ImageConfig.History> history = config.history();
    for (int i = 0; i < history.size(); i++) {
      String createdBy = history.get(i).createdBy();
      if (createdBy == null) {
        continue;
      }
      if (SecretPatterns.containsSecretValue(createdBy) || mentionsSecretAssignment(createdBy)) {
        evidence.add(
            Evidence.config(
                "history[" + i + "].created_by", "a step assigns or contains a secret"));
      }
    }
    return ImageAuditor.check(
        "TA007",
        "CIS-DI-0010",
        Level.FAIL,
        "No secrets in the image history",
        evidence,
        "Use build secrets (RUN --mount=type=secret) so values never reach the history.");
  }

  private static boolean mentionsSecretAssignment(String command) {
    for (String word : command.split("[\\s;&|]+")) {
      int equals = word.indexOf('=');
      if (equals > 0 && equals < word.length() - 1) {
        String name = word.substring(0, equals).replaceFirst("^--?", "");
        String value = word.substring(equals + 1);
        if (SecretPatterns.isSecretName(name) && !value.startsWith("$")) {
          return true;
        }
      }
    }
    return false;
  }

  static List<CheckResult> base(Map<String, String> annotations) {
    String name = annotations.get(ImageAuditor.BASE_NAME);
    String digest = annotations.get(ImageAuditor.BASE_DIGEST);
    List<Evidence> latest = new ArrayList<>();
    List<Evidence> unpinned = new ArrayList<>();
    if (name != null) {
      String withoutDigest = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
      int slash = withoutDigest.lastIndexOf('/');
      int colon = withoutDigest.lastIndexOf(':');
      boolean untagged = colon <= slash;
      if (untagged || withoutDigest.endsWith(":latest")) {
        latest.add(Evidence.config("annotations." + ImageAuditor.BASE_NAME, name));
      }
      if (digest == null && !name.contains("@sha256:")) {
        unpinned.add(
            Evidence.config("annotations." + ImageAuditor.BASE_NAME, name + " without a digest"));
      }
    }
    return List.of(
        ImageAuditor.check(
            "TA009",
            "DKL-DI-0006",
            Level.WARN,
            "Base image not tagged latest",
            latest,
            "Build on a versioned base tag, pinned by digest."),
        ImageAuditor.check(
            "TA010",
            null,
            Level.WARN,
            "Base image pinned by digest",
            unpinned,
            "Pin the base by digest (temper pin) and record it in org.opencontainers.image.base.digest."));
  }
}
