package dev.temper.sbom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an inventory as CycloneDX 1.6 JSON. The image is {@code metadata.component}, of type
 * container with its manifest digest. A Debian package names its source package in {@code
 * pedigree.ancestors}, which the specification defines as the components a component is derived
 * from: a binary package is built from its source, and the source purl is what Debian's advisories
 * are keyed by. Archives nested in archives, and artifacts shaded into a jar, are nested {@code
 * components} of the archive that contains them, as the specification models assemblies.
 */
final class CycloneDxWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Inventory inventory;
  private final DocumentIdentity identity;

  CycloneDxWriter(Inventory inventory) {
    this.inventory = inventory;
    this.identity = new DocumentIdentity(inventory);
  }

  void write(OutputStream out) throws IOException {
    DocumentIdentity.JSON.writeValue(out, document());
  }

  ObjectNode document() {
    ObjectNode bom = NODES.objectNode();
    bom.put("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
    bom.put("bomFormat", "CycloneDX");
    bom.put("specVersion", "1.6");
    bom.put("serialNumber", "urn:uuid:" + identity.uuid("cyclonedx"));
    bom.put("version", 1);
    bom.set("metadata", metadata());
    ArrayNode components = bom.putArray("components");
    if (inventory.os() != null) {
      components.add(os(inventory.os()));
    }
    inventory.debianPackages().forEach(p -> components.add(deb(p)));
    javaComponents().forEach(components::add);
    inventory.javaRuntimes().forEach(r -> components.add(runtime(r)));
    return bom;
  }

  private ObjectNode metadata() {
    ObjectNode metadata = NODES.objectNode();
    metadata.put("timestamp", identity.timestamp());
    ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
    tool.put("type", "application");
    tool.put("name", "temper");
    tool.put("version", DocumentIdentity.toolVersion());
    ImageSubject subject = inventory.subject();
    ObjectNode image = metadata.putObject("component");
    image.put("type", "container");
    image.put("bom-ref", "image");
    image.put("name", subject.name());
    if (subject.manifestDigest() != null) {
      image.put("version", subject.manifestDigest());
      String hex = subject.manifestDigest().substring(subject.manifestDigest().indexOf(':') + 1);
      if (subject.manifestDigest().startsWith("sha256:")) {
        addHash(image.putArray("hashes"), "SHA-256", hex);
      }
    }
    if (subject.platform() != null) {
      addProperty(image, "temper:platform", subject.platform());
    }
    return metadata;
  }

  private ObjectNode os(OsRelease os) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "operating-system");
    node.put("bom-ref", DocumentIdentity.elementId("os", os.id(), os.versionId(), os.path()));
    node.put("name", os.id());
    if (os.versionId() != null) {
      node.put("version", os.versionId());
    }
    if (os.prettyName() != null) {
      node.put("description", os.prettyName());
    }
    addOccurrence(node, os.path());
    return node;
  }

  private ObjectNode deb(DebianPackage p) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "library");
    node.put("bom-ref", ref(SpdxWriter.debId(p)));
    node.put("name", p.name());
    node.put("version", p.version());
    String license = SpdxLicenses.expression(p.licenses());
    if (license != null) {
      node.putArray("licenses").addObject().put("expression", license);
    }
    node.put("purl", Purls.deb(p, inventory.os()));
    ObjectNode source = node.putObject("pedigree").putArray("ancestors").addObject();
    source.put("type", "library");
    source.put("name", p.sourceName());
    source.put("version", p.sourceVersion());
    source.put("purl", Purls.debSource(p, inventory.os()));
    addOccurrence(node, p.statusFile());
    addProperty(node, "temper:debian:architecture", p.architecture());
    addProperty(node, "temper:debian:installed-size", Long.toString(p.installedSize()));
    addLayer(node, p.layerIndex(), p.layerDigest());
    return node;
  }

  /** Returns the outermost archives, each with what it contains nested inside. */
  private List<ObjectNode> javaComponents() {
    Map<String, ObjectNode> byLocation = new HashMap<>();
    List<ObjectNode> roots = new ArrayList<>();
    // Sorted by location, so an archive always comes before the archives nested in it.
    for (JavaArchive a : inventory.javaArchives()) {
      ObjectNode node = jar(a);
      boolean shaded = a.location().equals(a.parentLocation());
      ObjectNode parent = a.parentLocation() == null ? null : byLocation.get(a.parentLocation());
      if (!shaded) {
        byLocation.putIfAbsent(a.location(), node);
      }
      if (parent == null) {
        roots.add(node);
      } else {
        ArrayNode children =
            parent.has("components")
                ? (ArrayNode) parent.get("components")
                : parent.putArray("components");
        children.add(node);
      }
    }
    return roots;
  }

  private ObjectNode jar(JavaArchive a) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "library");
    node.put("bom-ref", ref(SpdxWriter.jarId(a)));
    if (a.groupId() != null) {
      node.put("group", a.groupId());
    }
    node.put("name", a.artifactId());
    if (a.version() != null) {
      node.put("version", a.version());
    }
    if (a.sha1() != null) {
      ArrayNode hashes = node.putArray("hashes");
      addHash(hashes, "SHA-1", a.sha1());
      addHash(hashes, "SHA-256", a.sha256());
    }
    String purl = Purls.maven(a);
    if (purl != null) {
      node.put("purl", purl);
    }
    addOccurrence(node, a.location());
    addProperty(node, "temper:java:coordinates-from", a.origin().name());
    addLayer(node, a.layerIndex(), a.layerDigest());
    return node;
  }

  private ObjectNode runtime(JavaRuntime r) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "platform");
    node.put("bom-ref", ref(SpdxWriter.runtimeId(r)));
    node.put("name", r.implementor() == null ? "java" : r.implementor() + " Java runtime");
    node.put("version", r.runtimeVersion() == null ? r.javaVersion() : r.runtimeVersion());
    addOccurrence(node, r.home() + "/release");
    addProperty(node, "temper:java:version", r.javaVersion());
    if (!r.modules().isEmpty()) {
      addProperty(node, "temper:java:modules", String.join(" ", r.modules()));
    }
    addLayer(node, r.layerIndex(), r.layerDigest());
    return node;
  }

  /** Returns a bom-ref: the SPDX element id without its prefix, unique in the same way. */
  private static String ref(String spdxId) {
    return spdxId.substring("SPDXRef-".length());
  }

  private static void addHash(ArrayNode hashes, String algorithm, String hex) {
    ObjectNode hash = hashes.addObject();
    hash.put("alg", algorithm);
    hash.put("content", hex);
  }

  private static void addOccurrence(ObjectNode node, String path) {
    ObjectNode evidence =
        node.has("evidence") ? (ObjectNode) node.get("evidence") : node.putObject("evidence");
    evidence.putArray("occurrences").addObject().put("location", "/" + path);
  }

  private static void addLayer(ObjectNode node, int layerIndex, String layerDigest) {
    if (layerDigest != null) {
      addProperty(node, "temper:layer:digest", layerDigest);
    }
    addProperty(node, "temper:layer:index", Integer.toString(layerIndex));
  }

  private static void addProperty(ObjectNode node, String name, String value) {
    ArrayNode properties =
        node.has("properties") ? (ArrayNode) node.get("properties") : node.putArray("properties");
    ObjectNode property = properties.addObject();
    property.put("name", name);
    property.put("value", value);
  }
}
