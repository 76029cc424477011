package dev.temper.build;

import dev.temper.cache.DownloadRequest;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads the pinned {@code .deb} files into the content cache, each checked against the lock's
 * size and SHA-256. The archive root of a package comes from its spec repository's {@code url}, or
 * else from the mirror resolver, so no mirror host is stored in the lock.
 */
final class PackageFetch {
  /** Downloads at a time. */
  static final int PARALLELISM = 4;

  private PackageFetch() {}

  /** Returns the cached .deb of each package, in the order given. */
  static List<Path> fetch(
      Spec spec, List<Lock.Package> packages, Downloader downloader, MirrorResolver mirrors)
      throws IOException, InvalidInputException, NetworkException {
    List<DownloadRequest> requests = new ArrayList<>();
    for (Lock.Package pin : packages) {
      URI root = archiveRoot(spec, pin, mirrors);
      String name = pin.name() + "_" + pin.version() + "_" + pin.architecture() + ".deb";
      requests.add(
          new DownloadRequest(root.resolve(pin.filename()), pin.size(), pin.sha256(), name));
    }
    return downloader.fetchAll(requests, PARALLELISM);
  }

  private static URI archiveRoot(Spec spec, Lock.Package pin, MirrorResolver mirrors)
      throws InvalidInputException {
    for (Spec.RepositorySpec repository : spec.repositories()) {
      if (repository.name().equals(pin.repository()) && repository.url() != null) {
        String url = repository.url();
        return URI.create(url.endsWith("/") ? url : url + "/");
      }
    }
    boolean known = spec.repositories().stream().anyMatch(r -> r.name().equals(pin.repository()));
    if (!known) {
      throw new InvalidInputException(
          "the lock names repository '"
              + pin.repository()
              + "' for "
              + pin.name()
              + ", which the spec does not list: run temper lock again");
    }
    return mirrors.mirrorFor(pin.suite());
  }
}
