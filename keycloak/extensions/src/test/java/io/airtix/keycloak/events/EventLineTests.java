package io.airtix.keycloak.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

class EventLineTests {

  @Test
  void describesAUserEventByIdentifiersOnly() {
    Event event = new Event();
    event.setId("e-1");
    event.setType(EventType.LOGIN);
    event.setRealmId("realm-1");
    event.setClientId("airtix-web");
    event.setUserId("user-1");
    event.setSessionId("session-1");
    event.setIpAddress("203.0.113.7");
    event.setDetails(
        Map.of(
            Details.USERNAME, "jane.doe",
            Details.EMAIL, "jane@example.org",
            Details.AUTH_METHOD, "openid-connect",
            Details.REDIRECT_URI, "http://localhost:8080/callback"));

    String line = EventLine.of(event);

    assertThat(line)
        .isEqualTo(
            "client=airtix-web detail.auth_method=openid-connect event=e-1 kind=user "
                + "realm=realm-1 session=session-1 type=LOGIN user=user-1");
    assertThat(line).doesNotContain("jane", "203.0.113.7", "callback");
  }

  @Test
  void keepsTheErrorOfAFailedLogin() {
    Event event = new Event();
    event.setType(EventType.LOGIN_ERROR);
    event.setRealmId("realm-1");
    event.setError("invalid_user_credentials");

    assertThat(EventLine.of(event))
        .isEqualTo("error=invalid_user_credentials kind=user realm=realm-1 type=LOGIN_ERROR");
  }

  @Test
  void describesAnAdminEventWithoutItsRepresentation() {
    AuthDetails actor = new AuthDetails();
    actor.setUserId("admin-1");
    actor.setClientId("admin-cli");
    actor.setIpAddress("198.51.100.1");
    AdminEvent event = new AdminEvent();
    event.setId("a-1");
    event.setRealmId("realm-1");
    event.setAuthDetails(actor);
    event.setOperationType(OperationType.CREATE);
    event.setResourceType(ResourceType.USER);
    event.setResourcePath("users/user-1");
    event.setRepresentation("{\"email\":\"jane@example.org\"}");

    String line = EventLine.of(event);

    assertThat(line)
        .isEqualTo(
            "actor=admin-1 client=admin-cli event=a-1 kind=admin operation=CREATE "
                + "path=users/user-1 realm=realm-1 resource=USER");
    assertThat(line).doesNotContain("jane", "198.51.100.1");
  }

  @Test
  void cannotBeSplitIntoForgedLinesByAValue() {
    assertThat(EventLine.quoted("bad\nkind=admin")).isEqualTo("\"bad\\nkind=admin\"");
    assertThat(EventLine.quoted("plain")).isEqualTo("plain");
  }
}
