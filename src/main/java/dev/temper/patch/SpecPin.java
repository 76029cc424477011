package dev.temper.patch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A package request in a spec that names an exact version, such as {@code app=1.0} or {@code
 * app:arm64=1.0}. The resolver installs that version and no other, so a patch cannot move it
 * without changing the spec.
 *
 * @param spec the spec file
 * @param request the entry as written, such as {@code app=1.0}
 * @param name the package name
 * @param architecture the architecture the request names, or empty for every architecture
 * @param version the pinned version
 * @param line the line of the entry in the spec file, from 1
 * @param column the column where the entry starts, from 1
 */
public record SpecPin(
    Path spec,
    String request,
    String name,
    Optional<String> architecture,
    String version,
    int line,
    int column) {

  /** Returns whether this request pins the package {@code packageName} on {@code arch}. */
  public boolean pins(String packageName, String arch) {
    return name.equals(packageName)
        && (architecture.isEmpty() || arch.equals("all") || architecture.get().equals(arch));
  }

  /** Returns where the request is, as {@code FILE:LINE}. */
  public String location() {
    return spec + ":" + line;
  }

  /** Returns the request with {@code newVersion} in place of the pinned version. */
  public String withVersion(String newVersion) {
    return request.substring(0, request.indexOf('=') + 1) + newVersion;
  }
}
