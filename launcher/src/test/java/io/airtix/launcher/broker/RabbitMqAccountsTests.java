package io.airtix.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.broker.BrokerAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RabbitMqAccountsTests {

  @TempDir Path dataDir;

  @Test
  void writesEveryAccountWithItsRightsForOwnerEyesOnly() throws Exception {
    Path definitions = new RabbitMqAccounts(dataDir).write("/");

    JsonNode json = JsonMapper.shared().readTree(Files.readString(definitions));
    assertThat(json.path("users").valueStream().map(user -> user.path("name").asString()))
        .containsExactlyInAnyOrder(
            Arrays.stream(BrokerAccount.values())
                .map(BrokerAccount::username)
                .toArray(String[]::new));
    assertThat(json.path("topic_permissions").valueStream())
        .anySatisfy(
            permission -> {
              assertThat(permission.path("user").asString()).isEqualTo("airtix-payments");
              assertThat(permission.path("write").asString()).contains("payment\\.succeeded");
            });
    assertThat(Files.readString(definitions)).doesNotContain("guest");
    for (Path file : new Path[] {definitions, dataDir.resolve(RabbitMqAccounts.PASSWORDS_FILE)}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void keepsThePasswordsOfTheFirstRun() throws Exception {
    RabbitMqAccounts accounts = new RabbitMqAccounts(dataDir);
    accounts.write("/");
    String first = Files.readString(dataDir.resolve(RabbitMqAccounts.PASSWORDS_FILE));

    accounts.write("/");

    assertThat(Files.readString(dataDir.resolve(RabbitMqAccounts.PASSWORDS_FILE))).isEqualTo(first);
  }
}
