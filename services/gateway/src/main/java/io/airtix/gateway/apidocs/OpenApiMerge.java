package io.airtix.gateway.apidocs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' descriptions as one OpenAPI document. Services are taken in alphabetical order, so
 * the result never depends on which answered first.
 *
 * <ul>
 *   <li>Paths do not overlap, as each service owns its prefixes; a path described twice keeps its
 *       first description, and the document says so.
 *   <li>A component (schema, response, parameter…) that several services describe identically is
 *       kept once. One that differs from an earlier one of the same name is renamed with its
 *       service as prefix ({@code orders.Problem}), and so are the references to it: each operation
 *       keeps its own schema, the page stays whole, and the document says so.
 *   <li>A service whose description could not be read is left out, with a note in the document's
 *       description rather than an error for the whole page.
 * </ul>
 */
final class OpenApiMerge {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String COMPONENTS = "#/components/";

  private OpenApiMerge() {}

  static ObjectNode merge(List<ServiceDescription> parts) {
    List<String> included = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String version = null;
    ObjectNode paths = NODES.objectNode();
    ObjectNode components = NODES.objectNode();
    ArrayNode tags = NODES.arrayNode();
    ArrayNode security = NODES.arrayNode();
    Set<String> tagNames = new HashSet<>();

    for (ServiceDescription part :
        parts.stream().sorted(Comparator.comparing(ServiceDescription::service)).toList()) {
      String service = part.service();
      if (part.document() == null) {
        notes.add("The " + service + " service's operations are left out: " + part.missing() + ".");
        continue;
      }
      included.add(service);
      ObjectNode document = (ObjectNode) part.document().deepCopy();
      if (version == null && document.path("openapi").isString()) {
        version = document.path("openapi").asString();
      }
      Map<String, String> renamed = renames(service, document.path("components"), components);
      renamed.forEach(
          (from, to) ->
              notes.add(
                  "The "
                      + service
                      + " service's "
                      + from.substring(COMPONENTS.length())
                      + " differs from another service's of that name: here it is "
                      + to.substring(COMPONENTS.length())
                      + "."));
      rewriteReferences(document, renamed);
      addComponents(document.path("components"), renamed, components);
      addPaths(service, document.path("paths"), paths, notes);
      for (JsonNode tag : document.path("tags")) {
        if (tagNames.add(tag.path("name").asString())) {
          tags.add(tag);
        }
      }
      for (JsonNode requirement : document.path("security")) {
        if (!contains(security, requirement)) {
          security.add(requirement);
        }
      }
    }

    ObjectNode merged = NODES.objectNode();
    merged.put("openapi", version == null ? "3.0.1" : version);
    ObjectNode info = merged.putObject("info");
    info.put("title", "Airtix API");
    info.put("version", "1");
    info.put("description", description(included, notes));
    // the gateway's own address, relative to this document; the handler names it absolutely
    merged.putArray("servers").addObject().put("url", "/");
    if (!security.isEmpty()) {
      merged.set("security", security);
    }
    if (!tags.isEmpty()) {
      merged.set("tags", tags);
    }
    merged.set("paths", paths);
    if (!components.isEmpty()) {
      merged.set("components", components);
    }
    return merged;
  }

  private static void addComponents(
      JsonNode own, Map<String, String> renamed, ObjectNode components) {
    for (Map.Entry<String, JsonNode> section : own.properties()) {
      ObjectNode into =
          components.has(section.getKey())
              ? (ObjectNode) components.get(section.getKey())
              : components.putObject(section.getKey());
      for (Map.Entry<String, JsonNode> component : section.getValue().properties()) {
        String reference = reference(section.getKey(), component.getKey());
        String name =
            renamed
                .getOrDefault(reference, reference)
                .substring(reference(section.getKey(), "").length());
        if (!into.has(name)) {
          into.set(name, component.getValue());
        }
      }
    }
  }

  private static void addPaths(String service, JsonNode own, ObjectNode paths, List<String> notes) {
    for (Map.Entry<String, JsonNode> path : own.properties()) {
      if (paths.has(path.getKey())) {
        notes.add(
            "The "
                + service
                + " service's "
                + path.getKey()
                + " is left out: another service describes it too.");
      } else {
        paths.set(path.getKey(), path.getValue());
      }
    }
  }

  private static String description(List<String> included, List<String> notes) {
    StringBuilder text =
        new StringBuilder(
            "The APIs behind this gateway, merged from the services' own descriptions");
    text.append(
        included.isEmpty() ? ": none could be read." : " (" + String.join(", ", included) + ").");
    notes.forEach(note -> text.append("\n\n").append(note));
    return text.toString();
  }

  /**
   * The components of a service that cannot share a name already taken: those that differ from the
   * earlier one, and those that refer to a renamed one (the same text would mean another schema).
   */
  private static Map<String, String> renames(String service, JsonNode own, ObjectNode merged) {
    Map<String, String> renamed = new LinkedHashMap<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, JsonNode> section : own.properties()) {
        for (Map.Entry<String, JsonNode> component : section.getValue().properties()) {
          String reference = reference(section.getKey(), component.getKey());
          JsonNode earlier = merged.path(section.getKey()).get(component.getKey());
          if (earlier == null || renamed.containsKey(reference)) {
            continue;
          }
          if (!earlier.equals(component.getValue())
              || references(component.getValue()).stream().anyMatch(renamed::containsKey)) {
            renamed.put(reference, reference(section.getKey(), service + "." + component.getKey()));
            changed = true;
          }
        }
      }
    }
    return renamed;
  }

  private static String reference(String section, String name) {
    return COMPONENTS + section + "/" + name;
  }

  private static Set<String> references(JsonNode node) {
    Set<String> found = new HashSet<>();
    collectReferences(node, found);
    return found;
  }

  private static void collectReferences(JsonNode node, Set<String> found) {
    if (node.isObject() && node.path("$ref").isString()) {
      found.add(node.path("$ref").asString());
    }
    node.forEach(child -> collectReferences(child, found));
  }

  private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
    if (node instanceof ObjectNode object && object.path("$ref").isString()) {
      String target = renamed.get(object.path("$ref").asString());
      if (target != null) {
        object.put("$ref", target);
      }
    }
    node.forEach(child -> rewriteReferences(child, renamed));
  }

  private static boolean contains(ArrayNode array, JsonNode value) {
    for (JsonNode each : array) {
      if (each.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
