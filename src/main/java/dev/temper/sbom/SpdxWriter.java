package dev.temper.sbom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes an inventory as SPDX 2.3 JSON. The document {@code DESCRIBES} a package for the image,
 * which {@code CONTAINS} every package found. Each Debian binary package is {@code GENERATED_FROM}
 * a package of purpose SOURCE for its source package: the relationship SPDX defines for an artifact
 * built from another.
 */
final class SpdxWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String IMAGE_ID = "SPDXRef-Image";

  private final Inventory inventory;
  private final DocumentIdentity identity;
  private final Set<String> licenseRefs = new LinkedHashSet<>();

  SpdxWriter(Inventory inventory) {
    this.inventory = inventory;
    this.identity = new DocumentIdentity(inventory);
  }

  static String debId(DebianPackage p) {
    return DocumentIdentity.elementId(
        "SPDXRef-deb",
        p.name(),
        p.version(),
        p.name() + ":" + p.architecture() + ":" + p.version() + ":" + p.statusFile());
  }

  static String jarId(JavaArchive a) {
    boolean shaded = a.location().equals(a.parentLocation());
    return DocumentIdentity.elementId(
        "SPDXRef-jar",
        a.artifactId(),
        a.version(),
        a.location() + ":" + a.groupId() + ":" + a.artifactId() + ":" + a.version() + ":" + shaded);
  }

  static String runtimeId(JavaRuntime r) {
    return DocumentIdentity.elementId("SPDXRef-java", "runtime", r.javaVersion(), r.home());
  }

  void write(OutputStream out) throws IOException {
    DocumentIdentity.JSON.writeValue(out, document());
  }

  ObjectNode document() {
    ObjectNode doc = NODES.objectNode();
    doc.put("spdxVersion", "SPDX-2.3");
    doc.put("dataLicense", "CC0-1.0");
    doc.put("SPDXID", "SPDXRef-DOCUMENT");
    doc.put("name", inventory.subject().name());
    doc.put("documentNamespace", "urn:uuid:" + identity.uuid("spdx"));
    ObjectNode creation = doc.putObject("creationInfo");
    creation.put("created", identity.timestamp());
    creation.putArray("creators").add("Tool: temper-" + DocumentIdentity.toolVersion());
    ArrayNode packages = doc.putArray("packages");
    ArrayNode relationships = NODES.arrayNode();
    packages.add(image());
    relate(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", IMAGE_ID);
    if (inventory.os() != null) {
      ObjectNode os = os(inventory.os());
      packages.add(os);
      relate(relationships, IMAGE_ID, "CONTAINS", os.get("SPDXID").asText());
    }
    addDebian(packages, relationships);
    addJava(packages, relationships);
    for (JavaRuntime r : inventory.javaRuntimes()) {
      packages.add(runtime(r));
      relate(relationships, IMAGE_ID, "CONTAINS", runtimeId(r));
    }
    doc.set("relationships", relationships);
    if (!licenseRefs.isEmpty()) {
      ArrayNode extracted = doc.putArray("hasExtractedLicensingInfos");
      for (String ref : licenseRefs) {
        ObjectNode info = extracted.addObject();
        info.put("licenseId", ref);
        info.put("name", ref.substring("LicenseRef-".length()));
        info.put(
            "extractedText",
            "A license named '"
                + ref.substring("LicenseRef-".length())
                + "' in a Debian copyright file; not an SPDX license identifier.");
      }
    }
    return doc;
  }

  private ObjectNode image() {
    ImageSubject subject = inventory.subject();
    ObjectNode node = newPackage(IMAGE_ID, subject.name(), subject.manifestDigest());
    node.put("primaryPackagePurpose", "CONTAINER");
    if (subject.manifestDigest() != null && subject.manifestDigest().startsWith("sha256:")) {
      addChecksum(node, "SHA256", subject.manifestDigest().substring("sha256:".length()));
    }
    return node;
  }

  private ObjectNode os(OsRelease os) {
    String id = DocumentIdentity.elementId("SPDXRef-os", os.id(), os.versionId(), os.path());
    ObjectNode node = newPackage(id, os.id(), os.versionId());
    node.put("primaryPackagePurpose", "OPERATING_SYSTEM");
    if (os.prettyName() != null) {
      node.put("description", os.prettyName());
    }
    return node;
  }

  private void addDebian(ArrayNode packages, ArrayNode relationships) {
    Map<String, ObjectNode> sources = new LinkedHashMap<>();
    for (DebianPackage p : inventory.debianPackages()) {
      ObjectNode node = newPackage(debId(p), p.name(), p.version());
      node.put("primaryPackagePurpose", "LIBRARY");
      String license = SpdxLicenses.expression(p.licenses());
      if (license != null) {
        node.put("licenseDeclared", license);
        licenseRefs.addAll(SpdxLicenses.licenseRefs(license));
      }
      addPurl(node, Purls.deb(p, inventory.os()));
      packages.add(node);
      relate(relationships, IMAGE_ID, "CONTAINS", debId(p));

      String sourceKey = p.sourceName() + ":" + p.sourceVersion();
      String sourceId =
          DocumentIdentity.elementId(
              "SPDXRef-deb-source", p.sourceName(), p.sourceVersion(), sourceKey);
      sources.computeIfAbsent(
          sourceKey,
          k -> {
            ObjectNode source = newPackage(sourceId, p.sourceName(), p.sourceVersion());
            source.put("primaryPackagePurpose", "SOURCE");
            addPurl(source, Purls.debSource(p, inventory.os()));
            return source;
          });
      relate(relationships, debId(p), "GENERATED_FROM", sourceId);
    }
    sources.values().forEach(packages::add);
  }

  private void addJava(ArrayNode packages, ArrayNode relationships) {
    Map<String, String> idsByLocation = new LinkedHashMap<>();
    for (JavaArchive a : inventory.javaArchives()) {
      ObjectNode node = newPackage(jarId(a), a.artifactId(), a.version());
      node.put("primaryPackagePurpose", "LIBRARY");
      if (a.sha1() != null) {
        addChecksum(node, "SHA1", a.sha1());
        addChecksum(node, "SHA256", a.sha256());
      }
      String purl = Purls.maven(a);
      if (purl != null) {
        addPurl(node, purl);
      }
      node.put("sourceInfo", "found at /" + a.location());
      packages.add(node);
      boolean shaded = a.location().equals(a.parentLocation());
      if (!shaded) {
        idsByLocation.putIfAbsent(a.location(), jarId(a));
      }
      String parentId = a.parentLocation() == null ? null : idsByLocation.get(a.parentLocation());
      relate(relationships, parentId == null ? IMAGE_ID : parentId, "CONTAINS", jarId(a));
    }
  }

  private ObjectNode runtime(JavaRuntime r) {
    String name = r.implementor() == null ? "java" : r.implementor() + " Java runtime";
    String version = r.runtimeVersion() == null ? r.javaVersion() : r.runtimeVersion();
    ObjectNode node = newPackage(runtimeId(r), name, version);
    node.put("primaryPackagePurpose", "FRAMEWORK");
    node.put("sourceInfo", "found at /" + r.home() + "/release");
    return node;
  }

  private static ObjectNode newPackage(String id, String name, String version) {
    ObjectNode node = NODES.objectNode();
    node.put("SPDXID", id);
    node.put("name", name);
    if (version != null) {
      node.put("versionInfo", version);
    }
    node.put("downloadLocation", "NOASSERTION");
    node.put("filesAnalyzed", false);
    node.put("licenseConcluded", "NOASSERTION");
    node.put("copyrightText", "NOASSERTION");
    return node;
  }

  private static void addChecksum(ObjectNode node, String algorithm, String hex) {
    ArrayNode checksums =
        node.has("checksums") ? (ArrayNode) node.get("checksums") : node.putArray("checksums");
    ObjectNode checksum = checksums.addObject();
    checksum.put("algorithm", algorithm);
    checksum.put("checksumValue", hex);
  }

  private static void addPurl(ObjectNode node, String purl) {
    ObjectNode ref = node.putArray("externalRefs").addObject();
    ref.put("referenceCategory", "PACKAGE-MANAGER");
    ref.put("referenceType", "purl");
    ref.put("referenceLocator", purl);
  }

  private static void relate(ArrayNode relationships, String from, String type, String to) {
    ObjectNode relationship = relationships.addObject();
    relationship.put("spdxElementId", from);
    relationship.put("relationshipType", type);
    relationship.put("relatedSpdxElement", to);
  }
}
