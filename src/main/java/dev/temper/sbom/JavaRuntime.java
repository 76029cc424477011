package dev.temper.sbom;

import java.util.List;

/**
 * A JDK or JRE found through its {@code release} file.
 *
 * @param home the runtime's directory in the image, such as {@code
 *     usr/lib/jvm/java-17-openjdk-amd64}
 * @param javaVersion {@code JAVA_VERSION}, such as {@code 17.0.15}
 * @param implementor {@code IMPLEMENTOR}, or null
 * @param runtimeVersion {@code JAVA_RUNTIME_VERSION}, or null
 * @param modules the modules of {@code MODULES} in file order, empty when absent
 * @param layerIndex the index of the layer that holds the release file
 * @param layerDigest that layer's digest, or null for images without layers
 */
public record JavaRuntime(
    String home,
    String javaVersion,
    String implementor,
    String runtimeVersion,
    List<String> modules,
    int layerIndex,
    String layerDigest) {

  public JavaRuntime {
    modules = List.copyOf(modules);
  }
}
