package dev.temper.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Encodes the list columns of the store as JSON text: string lists as arrays, ranges as arrays of
 * {@code [kind, version]} pairs.
 */
final class StoreCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoreCodec() {}

  static String strings(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array.toString();
  }

  static List<String> strings(String text) {
    List<String> values = new ArrayList<>();
    read(text).forEach(node -> values.add(node.asText()));
    return List.copyOf(values);
  }

  static String ranges(List<List<RangeEvent>> ranges) {
    ArrayNode array = JSON.createArrayNode();
    for (List<RangeEvent> range : ranges) {
      ArrayNode events = array.addArray();
      for (RangeEvent event : range) {
        events.addArray().add(event.kind().name().toLowerCase(Locale.ROOT)).add(event.version());
      }
    }
    return array.toString();
  }

  static List<List<RangeEvent>> ranges(String text) {
    List<List<RangeEvent>> ranges = new ArrayList<>();
    for (JsonNode range : read(text)) {
      List<RangeEvent> events = new ArrayList<>();
      for (JsonNode event : range) {
        RangeEvent.Kind kind =
            RangeEvent.Kind.valueOf(event.get(0).asText().toUpperCase(Locale.ROOT));
        events.add(new RangeEvent(kind, event.get(1).asText()));
      }
      ranges.add(List.copyOf(events));
    }
    return List.copyOf(ranges);
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      // The store writes these columns itself, so unreadable text means a damaged database.
      throw new IllegalStateException("damaged advisory store column: " + text, e);
    }
  }
}
