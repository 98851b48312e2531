package io.airtix.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.broker.BrokerAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RabbitMqDefinitionsTests {

  @Test
  void theTemplateLeavesEveryPasswordToTheEnvironment() {
    String template = RabbitMqDefinitions.template("/");

    for (BrokerAccount account : BrokerAccount.values()) {
      assertThat(template)
          .contains("\"password\" : \"${AIRTIX_BROKER_PASSWORD_" + account.name() + "}\"");
    }
    assertThat(template).doesNotContain("password_hash");
  }

  /**
   * The compose stack's RabbitMQ loads this file; the accounts and their rights are this class's,
   * so a change to an account shows here until the file is written anew.
   */
  @Test
  void theComposeStacksDefinitionsAreTheTemplate() throws IOException {
    Path file =
        Path.of(System.getProperty("airtix.root"), "infra/compose/rabbitmq/definitions.json");

    assertThat(Files.readString(file).strip())
        .as("%s: write it anew from RabbitMqDefinitions.template(\"/\")", file)
        .isEqualTo(RabbitMqDefinitions.template("/").strip());
  }
}
