package dev.temper.registry;

/**
 * What a request is for, so that every failure names the registry, repository and operation.
 *
 * @param registry the registry host
 * @param repository the repository name, or an empty string
 * @param operation the operation, such as {@code pull manifest of tag latest}
 */
record RequestContext(String registry, String repository, String operation) {
  /** Returns the context of an operation on a repository. */
  static RequestContext of(Repository repository, String operation) {
    return new RequestContext(repository.registry(), repository.name(), operation);
  }

  /** Returns the same registry and repository with another operation. */
  RequestContext withOperation(String otherOperation) {
    return new RequestContext(registry, repository, otherOperation);
  }

  /** Creates the failure of this operation. */
  RegistryException failure(
      RegistryException.Reason reason, int status, String detail, Throwable cause) {
    return new RegistryException(reason, registry, repository, operation, status, detail, cause);
  }
}
