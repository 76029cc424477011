package dev.temper.patch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes patch listings and apply reports as JSON. */
public final class PatchJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private PatchJson() {}

  /** Writes the listing, and the apply report when there is one. */
  public static void write(PatchReport report, ApplyReport applied, Writer out) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("target", report.target());
    strings(root.putArray("suites"), report.suites());
    root.put("checked", report.checked());
    ArrayNode updates = root.putArray("updates");
    for (PackageUpdate update : report.updates()) {
      ObjectNode node = updates.addObject();
      node.put("package", update.installed().name());
      node.put("architecture", update.installed().architecture());
      node.put("installed", update.installed().version());
      node.put("candidate", update.candidateVersion());
      node.put("source", update.installed().sourceName());
      node.put("installedSourceVersion", update.installed().sourceVersion());
      node.put("candidateSourceVersion", update.candidateSourceVersion());
      node.put("suite", update.suite());
      strings(node.putArray("cves"), update.cves());
      update.changelog().ifPresent(c -> node.put("changelog", c));
      update.note().ifPresent(n -> node.put("note", n));
      update.heldBy().ifPresent(pin -> pin(node.putObject("heldBy"), pin));
    }
    strings(root.putArray("cves"), report.cves());
    strings(root.putArray("notes"), report.notes());
    if (applied != null) {
      applied(root.putObject("applied"), applied);
    }
    JSON.writeValue(out, root);
    out.write("\n");
    out.flush();
  }

  private static void applied(ObjectNode node, ApplyReport applied) {
    node.put("lock", applied.lockFile());
    ArrayNode changes = node.putArray("changes");
    for (ApplyReport.Change change : applied.changes()) {
      ObjectNode item = changes.addObject();
      item.put("package", change.name());
      item.put("architecture", change.architecture());
      change.from().ifPresent(v -> item.put("from", v));
      change.to().ifPresent(v -> item.put("to", v));
    }
    strings(node.putArray("closedCves"), applied.closedCves());
    strings(node.putArray("changelogCves"), applied.changelogCves());
    strings(node.putArray("advisoryCves"), applied.advisoryCves());
    node.put("advisories", applied.advisoryNote());
    applied.before().ifPresent(b -> image(node.putObject("before"), b));
    image(node.putObject("after"), applied.after());
    applied
        .before()
        .ifPresent(
            b -> node.put("sizeDifference", applied.after().compressedSize() - b.compressedSize()));
    node.put("output", applied.output());
    ArrayNode moved = node.putArray("movedPins");
    for (ApplyReport.MovedPin pin : applied.movedPins()) {
      ObjectNode item = moved.addObject();
      item.put("spec", pin.pin().spec().toString());
      item.put("line", pin.pin().line());
      item.put("from", pin.pin().request());
      item.put("to", pin.to());
    }
    ArrayNode notApplied = node.putArray("notApplied");
    for (ApplyReport.NotApplied kept : applied.notApplied()) {
      ObjectNode item = notApplied.addObject();
      item.put("package", kept.update().installed().name());
      item.put("architecture", kept.update().installed().architecture());
      item.put("kept", kept.keptVersion());
      item.put("candidate", kept.update().candidateVersion());
      item.put("reason", kept.reason());
      kept.update().heldBy().ifPresent(pin -> pin(item.putObject("heldBy"), pin));
    }
  }

  private static void pin(ObjectNode node, SpecPin pin) {
    node.put("spec", pin.spec().toString());
    node.put("line", pin.line());
    node.put("request", pin.request());
    node.put("version", pin.version());
  }

  private static void image(ObjectNode node, ApplyReport.ImageState state) {
    node.put("digest", state.digest());
    node.put("compressedSize", state.compressedSize());
    node.put("packages", state.packages());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
