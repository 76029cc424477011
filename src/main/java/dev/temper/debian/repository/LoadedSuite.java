package dev.temper.debian.repository;

import dev.temper.debian.BinaryPackage;
import java.util.List;

/**
 * The verified release of one suite and the packages of its indexes.
 *
 * @param source what was requested
 * @param release the verified InRelease
 * @param packages the packages of every component and architecture requested
 */
public record LoadedSuite(
    RepositorySource source, VerifiedRelease release, List<BinaryPackage> packages) {
  public LoadedSuite {
    packages = List.copyOf(packages);
  }
}
