package io.airtix.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.broker.BrokerAccount;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Properties;
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

  /**
   * A data folder made before an account existed (the live service's, say) keeps its passwords and
   * gains one for the new account, in the file and in RabbitMQ's definitions.
   */
  @Test
  void addsAnAccountTheDataFolderDoesNotKnowYetAndKeepsTheOthers() throws Exception {
    RabbitMqAccounts accounts = new RabbitMqAccounts(dataDir);
    accounts.write("/");
    Path file = dataDir.resolve(RabbitMqAccounts.PASSWORDS_FILE);
    Properties older = load(file);
    String ordersPassword = older.getProperty("airtix-orders");
    older.remove(BrokerAccount.LIVE.username());
    try (Writer out = Files.newBufferedWriter(file)) {
      older.store(out, null);
    }

    Path definitions = accounts.write("/");

    Properties now = load(file);
    assertThat(now.getProperty("airtix-orders")).isEqualTo(ordersPassword);
    assertThat(now.getProperty(BrokerAccount.LIVE.username())).isNotBlank();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    JsonNode json = JsonMapper.shared().readTree(Files.readString(definitions));
    assertThat(json.path("users").valueStream().map(user -> user.path("name").asString()))
        .contains(BrokerAccount.LIVE.username());
  }

  private static Properties load(Path file) throws Exception {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }
}
