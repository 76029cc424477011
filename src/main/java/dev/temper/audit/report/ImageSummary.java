package dev.temper.audit.report;

import dev.temper.audit.image.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures the HTML report shows for one image.
 *
 * @param name the image as the user named it, such as {@code oci:out/java17}
 * @param digest the manifest digest
 * @param sizeBytes the compressed size of the layers
 * @param packageCount the number of Debian packages
 * @param componentsByType SBOM components counted by type, such as {@code deb} or {@code maven}
 * @param findingsBySeverity vulnerability findings counted by severity, such as {@code high}
 * @param audit the audit results
 */
public record ImageSummary(
    String name,
    String digest,
    long sizeBytes,
    int packageCount,
    Map<String, Integer> componentsByType,
    Map<String, Integer> findingsBySeverity,
    List<CheckResult> audit) {
  public ImageSummary {
    componentsByType = java.util.Collections.unmodifiableMap(new TreeMap<>(componentsByType));
    findingsBySeverity = java.util.Collections.unmodifiableMap(new TreeMap<>(findingsBySeverity));
    audit = List.copyOf(audit);
  }
}
