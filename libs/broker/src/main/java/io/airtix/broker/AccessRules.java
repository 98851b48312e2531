package io.airtix.broker;

import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded broker's access rules (Qpid's ACL file): each account may publish to the events
 * exchange only the types it owns, dead-letter only to its own exchange, and declare, bind and
 * consume only its own queues. Anything else is refused and logged. RabbitMQ gets the same rights
 * as permissions and topic permissions.
 */
final class AccessRules {

  private AccessRules() {}

  static String forAccounts() {
    List<String> rules = new ArrayList<>();
    rules.add("# written by Airtix at every start of the broker; changes here are lost");
    for (BrokerAccount account : BrokerAccount.values()) {
      rules.addAll(of(account));
    }
    rules.add("ACL DENY-LOG ALL ALL");
    return String.join("\n", rules) + "\n";
  }

  static List<String> of(BrokerAccount account) {
    String user = account.username();
    String events = BrokerNames.EVENTS_EXCHANGE;
    List<String> rules = new ArrayList<>();
    rules.add(allow(user, "ACCESS VIRTUALHOST"));
    rules.add(allow(user, "CREATE EXCHANGE name=\"" + events + "\""));
    for (String type : account.publishes().stream().sorted().toList()) {
      rules.add(
          allow(user, "PUBLISH EXCHANGE name=\"" + events + "\" routingkey=\"" + type + "\""));
    }
    if (account.consumes()) {
      String service = account.service();
      String queues = BrokerNames.queuePrefix(service) + "*";
      String deadLetters = BrokerNames.deadLetterExchange(service);
      rules.add(allow(user, "CREATE EXCHANGE name=\"" + deadLetters + "\""));
      rules.add(allow(user, "CREATE QUEUE name=\"" + queues + "\""));
      rules.add(allow(user, "BIND EXCHANGE name=\"" + events + "\" queuename=\"" + queues + "\""));
      rules.add(
          allow(user, "BIND EXCHANGE name=\"" + deadLetters + "\" queuename=\"" + queues + "\""));
      rules.add(allow(user, "CONSUME QUEUE name=\"" + queues + "\""));
      rules.add(
          allow(
              user,
              "PUBLISH EXCHANGE name=\"" + deadLetters + "\" routingkey=\"" + service + "\""));
    }
    return rules;
  }

  private static String allow(String user, String rule) {
    return "ACL ALLOW " + user + " " + rule;
  }
}
