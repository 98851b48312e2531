package io.airtix.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonInputTests {

  record Ticket(String flightNumber, long version) {}

  private final JsonMapper json = strict();

  @Test
  void readsPlainTextWithTabsLineBreaksAndEmoji() {
    Ticket ticket =
        json.readValue("{\"flightNumber\":\"LX 12\\t\\n✈️👨‍👩‍👧\",\"version\":3}", Ticket.class);

    assertThat(ticket.flightNumber()).isEqualTo("LX 12\t\n✈️👨‍👩‍👧");
    assertThat(ticket.version()).isEqualTo(3);
  }

  @Test
  void refusesNumbersAndBooleansWhereTextBelongs() {
    assertThatThrownBy(() -> json.readValue("{\"flightNumber\":12345}", Ticket.class))
        .isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> json.readValue("{\"flightNumber\":true}", Ticket.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void refusesFractionsWhereAWholeNumberBelongs() {
    assertThatThrownBy(() -> json.readValue("{\"version\":1.000000000001}", Ticket.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void refusesControlCharactersAndHalvesOfCharacters() {
    for (String odd :
        new String[] {"a\\u0000b", "\\u001b[31mred", "\\ud800", "x\\udc00", "\\u007f"}) {
      assertThatThrownBy(() -> json.readValue("{\"flightNumber\":\"" + odd + "\"}", Ticket.class))
          .as(odd)
          .isInstanceOf(JacksonException.class)
          .hasMessageContaining("control character or half of a character");
    }
  }

  private static JsonMapper strict() {
    JsonMapper.Builder builder = JsonMapper.builder();
    new StrictJsonInput().customize(builder);
    return builder.build();
  }
}
