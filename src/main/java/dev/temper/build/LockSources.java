package dev.temper.build;

import dev.temper.debian.repository.ArchiveReader;
import dev.temper.debian.repository.Keyring;
import dev.temper.debian.repository.LoadedSuite;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.debian.repository.RepositorySource;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns the repositories of a spec into the suites to read, and reads them all in parallel along
 * the chain of trust.
 */
final class LockSources {
  /** Suites read at the same time; each one is mostly download, then one decompressing thread. */
  static final int MAX_PARALLEL_SUITES = 4;

  private LockSources() {}

  /**
   * Returns one source per suite of each repository, in spec order. The archive root is the
   * repository's {@code url}, or what the mirror resolver finds for the suite.
   *
   * @throws InvalidInputException when no mirror is known, a URL is invalid or a keyring fails
   */
  static List<RepositorySource> of(Spec spec, MirrorResolver mirrors) throws InvalidInputException {
    List<RepositorySource> sources = new ArrayList<>();
    for (Spec.RepositorySpec repository : spec.repositories()) {
      Keyring keyring =
          repository.keyrings().isEmpty()
              ? Keyring.debianDefault()
              : Keyring.load(repository.keyrings());
      for (String suite : repository.suites()) {
        URI root = repository.url() == null ? mirrors.mirrorFor(suite) : parse(repository);
        sources.add(
            new RepositorySource(
                repository.name(),
                root,
                suite,
                repository.components(),
                spec.architectures(),
                keyring));
      }
    }
    return sources;
  }

  /** Reads every source, several at once, and returns the suites in the order of the sources. */
  static List<LoadedSuite> readAll(ArchiveReader reader, List<RepositorySource> sources)
      throws TemperException, IOException {
    int threads = Math.max(1, Math.min(MAX_PARALLEL_SUITES, sources.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<LoadedSuite>> futures = new ArrayList<>();
      for (RepositorySource source : sources) {
        futures.add(pool.submit(() -> reader.read(source)));
      }
      List<LoadedSuite> suites = new ArrayList<>();
      for (Future<LoadedSuite> future : futures) {
        suites.add(await(future));
      }
      return suites;
    } finally {
      pool.shutdownNow();
    }
  }

  private static LoadedSuite await(Future<LoadedSuite> future) throws TemperException, IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the suites", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TemperException temper) {
        throw temper;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static URI parse(Spec.RepositorySpec repository) throws InvalidInputException {
    String url = repository.url().endsWith("/") ? repository.url() : repository.url() + "/";
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null
          || !List.of("http", "https", "file").contains(uri.getScheme().toLowerCase())) {
        throw new InvalidInputException(
            "repository '" + repository.name() + "': url must be http, https or file: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidInputException(
          "repository '" + repository.name() + "': invalid url '" + url + "': " + e.getMessage());
    }
  }
}
