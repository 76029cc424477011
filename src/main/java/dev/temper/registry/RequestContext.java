package dev.temper.registry;

/**
 * What a request is for, so that every failure names the registry, repository and operation.
 * Failures that quote text from the registry pass it through {@link #redact} first.
 *
 * @param registry the registry host
 * @param repository the repository name, or an empty string
 * @param operation the operation, such as {@code pull manifest of tag latest}
 * @param secrets the secrets that the registry's client sends
 */
record RequestContext(String registry, String repository, String operation, Secrets secrets) {
  /** Creates the context of a request that sends no secrets. */
  RequestContext(String registry, String repository, String operation) {
    this(registry, repository, operation, new Secrets());
  }

  /** Returns the context of an operation on a repository. */
  static RequestContext of(Repository repository, String operation, Secrets secrets) {
    return new RequestContext(repository.registry(), repository.name(), operation, secrets);
  }

  /** Returns the same registry and repository with another operation. */
  RequestContext withOperation(String otherOperation) {
    return new RequestContext(registry, repository, otherOperation, secrets);
  }

  /** Returns text from the registry with the secrets that the client sent replaced by a marker. */
  String redact(String registryText) {
    return secrets.redact(registryText);
  }

  /** Creates the failure of this operation. */
  RegistryException failure(
      RegistryException.Reason reason, int status, String detail, Throwable cause) {
    return new RegistryException(reason, registry, repository, operation, status, detail, cause);
  }
}
