package io.airtix.keycloak.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airtix.events.staff.StaffChanged;
import io.airtix.events.users.SessionEnded;
import io.airtix.events.users.UserCreated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutgoingEventTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesThePlatformsEnvelopeInItsFieldOrderWithoutJavaClassNames() throws Exception {
    UserCreated created =
        new UserCreated(
            "5ef9", 1_764_000_000_123L, "airtix", "ada", "ada@example.org", "Ada", "Lovelace");

    OutgoingEvent event = OutgoingEvent.of(created, Instant.ofEpochMilli(created.version()));

    JsonNode json = JSON.readTree(event.json());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "id", "type", "aggregateId", "aggregateVersion", "tenant", "occurredAt", "payload");
    assertThat(json.path("id").asText()).isEqualTo(event.id().toString());
    assertThat(json.path("type").asText()).isEqualTo("user.created").isEqualTo(event.type());
    assertThat(json.path("aggregateId").asText()).isEqualTo("5ef9");
    assertThat(json.path("aggregateVersion").asLong()).isEqualTo(1_764_000_000_123L);
    assertThat(json.path("tenant").asText()).isEqualTo("airtix");
    assertThat(json.path("occurredAt").asText()).isEqualTo("2025-11-24T16:00:00.123Z");
    assertThat(json.path("payload").path("email").asText()).isEqualTo("ada@example.org");
    assertThat(event.text()).doesNotContain("io.airtix", "UserCreated", "eventType");
  }

  @Test
  void writesAStaffChangeForTheAirlineWithTheRolesHeldAfterIt() throws Exception {
    StaffChanged changed =
        new StaffChanged(
            "5ef9",
            1_764_000_000_123L,
            "aerolux",
            "ada",
            Set.of("tenant-admin", "agent"),
            "airtix");

    JsonNode json = JSON.readTree(OutgoingEvent.of(changed, Instant.ofEpochMilli(1)).json());

    assertThat(json.path("type").asText()).isEqualTo("staff.changed");
    assertThat(json.path("aggregateId").asText()).isEqualTo("aerolux/5ef9");
    assertThat(json.path("tenant").asText()).isEqualTo("aerolux");
    assertThat(json.path("payload").path("roles").toString())
        .isEqualTo("[\"agent\",\"tenant-admin\"]");
    assertThat(json.path("payload").path("realm").asText()).isEqualTo("airtix");
    assertThat(
            JSON.readTree(
                    OutgoingEvent.of(
                            new StaffChanged("5ef9", 2, "aerolux", "ada", Set.of(), "airtix"),
                            Instant.ofEpochMilli(2))
                        .json())
                .path("payload")
                .path("roles")
                .toString())
        .isEqualTo("[]");
  }

  @Test
  void writesAnEndedSessionWithItsReason() throws Exception {
    SessionEnded ended =
        new SessionEnded("sid-1", "5ef9", 1L, "airtix", SessionEnded.Reason.LOGOUT);

    JsonNode json = JSON.readTree(OutgoingEvent.of(ended, Instant.ofEpochMilli(1)).json());

    assertThat(json.path("aggregateId").asText()).isEqualTo("sid-1");
    assertThat(json.path("payload").path("reason").asText()).isEqualTo("LOGOUT");
    assertThat(json.path("payload").path("userId").asText()).isEqualTo("5ef9");
  }
}
