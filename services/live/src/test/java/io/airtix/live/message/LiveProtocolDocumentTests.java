package io.airtix.live.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.EventTypes;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The protocol's AsyncAPI document (docs/api/live-updates.asyncapi.yaml) names every message type
 * the service sends, and no other: a new type is not done until clients can read about it.
 */
class LiveProtocolDocumentTests {

  private static final Path DOCUMENT = Path.of("../../docs/api/live-updates.asyncapi.yaml");

  @Test
  void describesEveryMessageTypeTheServiceSends() throws Exception {
    List<String> described = new ArrayList<>(liveTypes());
    described.addAll(controlTypes());

    assertThat(described).containsAll(messageTypes());
  }

  @Test
  void describesEveryBackboneEventAnAirlinesStaffReceive() throws Exception {
    List<String> staffTypes =
        EventTypes.AIRTIX.types().stream()
            .filter(
                type ->
                    type.startsWith("ticket.")
                        || type.startsWith("order.")
                        || type.startsWith("payment.")
                        || type.startsWith("staff."))
            // a deadline, not a decision: the orders service's answer to it is what staff see
            .filter(type -> !type.equals("order.expired"))
            .toList();

    assertThat(liveTypes()).containsAll(staffTypes);
  }

  @Test
  void describesNoTypeTheServiceDoesNotSend() throws Exception {
    List<String> sent = new ArrayList<>(messageTypes());
    sent.addAll(EventTypes.AIRTIX.types());

    assertThat(sent).containsAll(liveTypes()).containsAll(controlTypes());
  }

  private static List<String> messageTypes() throws IllegalAccessException {
    List<String> types = new ArrayList<>();
    for (Field field : MessageTypes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        types.add((String) field.get(null));
      }
    }
    return types;
  }

  @SuppressWarnings("unchecked")
  private static List<String> liveTypes() throws IOException {
    Map<String, Object> live =
        (Map<String, Object>)
            path(document(), "components", "messages", "live", "payload", "properties", "type");
    return (List<String>) live.get("enum");
  }

  @SuppressWarnings("unchecked")
  private static List<String> controlTypes() throws IOException {
    Map<String, Object> type =
        (Map<String, Object>)
            path(document(), "components", "schemas", "control", "properties", "type");
    return (List<String>) type.get("enum");
  }

  @SuppressWarnings("unchecked")
  private static Object path(Map<String, Object> node, String... names) {
    Object current = node;
    for (String name : names) {
      current = ((Map<String, Object>) current).get(name);
      assertThat(current).as("%s in %s", name, DOCUMENT).isNotNull();
    }
    return current;
  }

  private static Map<String, Object> document() throws IOException {
    try (Reader text = Files.newBufferedReader(DOCUMENT)) {
      return new Yaml().load(text);
    }
  }
}
