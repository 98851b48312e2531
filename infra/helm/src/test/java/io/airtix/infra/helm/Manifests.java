package io.airtix.infra.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/** What one rendering produced, and the values it was rendered with. */
record Manifests(String name, List<Map<String, Object>> objects, Map<String, Object> values) {

  @SuppressWarnings("unchecked")
  static Manifests parse(String name, String rendered, String values) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object document : new Yaml().loadAll(rendered)) {
      if (document != null) {
        objects.add((Map<String, Object>) document);
      }
    }
    return new Manifests(name, objects, new Yaml().load(values));
  }

  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
  }

  Map<String, Object> named(String kind, String name) {
    return ofKind(kind).stream()
        .filter(object -> name.equals(name(object)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + this.name));
  }

  static String name(Map<String, Object> object) {
    return at(object, "metadata", "name");
  }

  /** The value at a path of map keys, or null where the path ends early. */
  @SuppressWarnings("unchecked")
  static <T> T at(Map<String, Object> object, String... path) {
    Object current = object;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return (T) current;
  }

  static Map<String, Object> container(Map<String, Object> deployment) {
    List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
    return containers.get(0);
  }

  static Object containerPort(Map<String, Object> deployment, String name) {
    List<Map<String, Object>> ports = at(container(deployment), "ports");
    return ports.stream()
        .filter(port -> name.equals(port.get("name")))
        .findFirst()
        .orElseThrow()
        .get("containerPort");
  }

  /** The component a NetworkPolicy peer selects by name, or null. */
  static String component(Map<String, Object> peer) {
    return at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
  }

  /** The container's plain values by name; those from Secrets are left out. */
  static Map<String, Object> env(Map<String, Object> container) {
    List<Map<String, Object>> env = at(container, "env");
    return env.stream()
        .filter(variable -> variable.containsKey("value"))
        .collect(
            Collectors.toMap(
                variable -> (String) variable.get("name"), variable -> variable.get("value")));
  }

  static List<Map<String, Object>> ingressRules(Map<String, Object> policy) {
    List<Map<String, Object>> rules = at(policy, "spec", "ingress");
    return rules == null ? List.of() : rules;
  }

  static List<Map<String, Object>> egressRules(Map<String, Object> policy) {
    List<Map<String, Object>> rules = at(policy, "spec", "egress");
    return rules == null ? List.of() : rules;
  }

  /** The components the rules' peers select by name ("from" or "to"). */
  static List<String> components(List<Map<String, Object>> rules, String direction) {
    return rules.stream()
        .flatMap(rule -> peers(rule, direction).stream())
        .map(Manifests::component)
        .filter(Objects::nonNull)
        .toList();
  }

  /** A rule's peers ("from" or "to"). */
  static List<Map<String, Object>> peers(Map<String, Object> rule, String direction) {
    List<Map<String, Object>> peers = at(rule, direction);
    return peers == null ? List.of() : peers;
  }

  @Override
  public String toString() {
    return name;
  }
}
