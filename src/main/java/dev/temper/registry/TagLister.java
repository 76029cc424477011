package dev.temper.registry;

import dev.temper.json.JsonValue;
import dev.temper.oci.OciJson;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists a repository's tags, {@code GET /v2/NAME/tags/list}, following the {@code Link: <...>;
 * rel="next"} header from page to page.
 */
final class TagLister {
  // The tag grammar of the distribution spec.
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
  private static final int MAX_PAGES = 10_000;
  private static final int DEFAULT_PAGE_SIZE = 1000;

  private final RegistryTransport transport;
  private final Repository repository;
  private final int pageSize;

  TagLister(RegistryTransport transport, Repository repository) {
    this(transport, repository, DEFAULT_PAGE_SIZE);
  }

  /** Creates a lister that requests {@code pageSize} tags a page. */
  TagLister(RegistryTransport transport, Repository repository, int pageSize) {
    this.transport = transport;
    this.repository = repository;
    this.pageSize = pageSize;
  }

  /**
   * Returns every tag in the order the registry lists them.
   *
   * @throws RegistryException when a page fails, is malformed, or there are more than 10,000 pages
   */
  List<String> list() throws RegistryException, IOException {
    RequestContext context = RequestContext.of(repository, "list tags", transport.secrets());
    List<String> tags = new ArrayList<>();
    URI page = URI.create("/v2/" + repository.name() + "/tags/list?n=" + pageSize);
    for (int count = 1; ; count++) {
      RegistryCall call =
          RegistryCall.of(
              "GET",
              page,
              Map.of("Accept", "application/json"),
              Scope.pull(repository.name()),
              context);
      Response response = transport.send(call);
      if (response.statusCode() != 200) {
        throw RegistryErrors.fromResponse(response, context);
      }
      readPage(response, tags, context);
      Optional<URI> next = next(response, context);
      if (next.isEmpty()) {
        return List.copyOf(tags);
      }
      if (count >= MAX_PAGES) {
        throw context.failure(
            RegistryException.Reason.PROTOCOL,
            200,
            "more than " + MAX_PAGES + " pages of tags",
            null);
      }
      page = next.get();
    }
  }

  private static void readPage(Response response, List<String> tags, RequestContext context)
      throws RegistryException, IOException {
    byte[] body = ResponseBodies.read(response, OciJson.MAX_DOCUMENT_BYTES, context);
    if (body.length > OciJson.MAX_DOCUMENT_BYTES) {
      throw context.failure(
          RegistryException.Reason.TOO_LARGE,
          200,
          "a page of tags is larger than " + OciJson.MAX_DOCUMENT_BYTES + " bytes",
          null);
    }
    JsonValue list;
    try {
      list = JsonValue.parse(body).path("tags");
    } catch (IOException e) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL, 200, "the tag list is not valid JSON", e);
    }
    // A repository without tags may list them as null. Anything else that is no array of tag
    // names would otherwise turn into empty or made-up tags that later requests fail on.
    if (!list.isArray() && !list.isNull() && !list.isMissing()) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL, 200, "the tag list's tags field is not a list", null);
    }
    List<JsonValue> elements = list.elements();
    for (int i = 0; i < elements.size(); i++) {
      JsonValue tag = elements.get(i);
      if (!tag.isString() || !TAG.matcher(tag.asText("")).matches()) {
        throw context.failure(
            RegistryException.Reason.PROTOCOL,
            200,
            "entry " + i + " of the tag list is not a valid tag",
            null);
      }
      tags.add(tag.asText(""));
    }
  }

  private static Optional<URI> next(Response response, RequestContext context)
      throws RegistryException {
    for (String link : response.headers().allValues("Link")) {
      Matcher matcher = NEXT.matcher(link);
      if (matcher.find()) {
        try {
          URI next = new URI(matcher.group(1));
          if (next.isAbsolute() || next.getHost() != null) {
            // Only paths on the same registry are followed, so credentials stay with it.
            next = new URI(null, null, next.getPath(), next.getQuery(), null);
          }
          return Optional.of(next);
        } catch (java.net.URISyntaxException e) {
          throw context.failure(RegistryException.Reason.PROTOCOL, 200, "invalid Link header", e);
        }
      }
    }
    return Optional.empty();
  }
}
