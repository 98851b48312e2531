package io.airtix.launcher.broker;

import io.airtix.broker.RabbitMqCtl;
import io.airtix.broker.RabbitMqDefinitions;
import io.airtix.events.broker.BrokerAccount;
import io.airtix.events.broker.BrokerPasswords;
import io.airtix.launcher.secrets.SecretFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The broker accounts of the distributed mode on one machine ({@code scripts/run-distributed.sh}):
 * their passwords in {@code <data dir>/broker-accounts.properties} (user name = password, made once
 * and kept, owner-only), and RabbitMQ's definitions of them in {@code <data
 * dir>/rabbitmq-definitions.json}, imported into the RabbitMQ of this machine with {@code
 * rabbitmqctl import_definitions} before the script starts the services, each with its own account.
 */
public final class RabbitMqAccounts {

  static final String PASSWORDS_FILE = "broker-accounts.properties";
  static final String DEFINITIONS_FILE = "rabbitmq-definitions.json";

  private final Path dataDir;

  public RabbitMqAccounts(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Writes both files and imports the definitions; returns the definitions' file. */
  public Path writeAndImport(String virtualHost) {
    Path definitions = write(virtualHost);
    try {
      RabbitMqCtl.importDefinitions(Files.readString(definitions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return definitions;
  }

  /** Writes both files; returns the definitions' file. */
  Path write(String virtualHost) {
    try {
      BrokerPasswords passwords = readOrCreatePasswords();
      Path definitions = dataDir.resolve(DEFINITIONS_FILE);
      SecretFile.write(definitions, RabbitMqDefinitions.of(passwords, virtualHost));
      return definitions;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the broker accounts to " + dataDir, e);
    }
  }

  /**
   * The passwords kept in the data folder; an account the file does not name yet (one added to
   * Airtix since the folder was made, such as the live service's) gets a new one, added to the
   * file, while the others keep theirs.
   */
  private BrokerPasswords readOrCreatePasswords() throws IOException {
    Path file = dataDir.resolve(PASSWORDS_FILE);
    Properties stored = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        stored.load(in);
      }
    }
    BrokerPasswords generated = BrokerPasswords.generate();
    Map<BrokerAccount, String> passwords = new EnumMap<>(BrokerAccount.class);
    boolean added = false;
    for (BrokerAccount account : BrokerAccount.values()) {
      String password = stored.getProperty(account.username());
      if (password == null || password.isBlank()) {
        password = generated.of(account);
        stored.setProperty(account.username(), password);
        added = true;
      }
      passwords.put(account, password);
    }
    if (added) {
      StringWriter text = new StringWriter();
      stored.store(text, "Broker accounts of Airtix (distributed mode); delete to make new ones");
      SecretFile.write(file, text.toString());
    }
    return BrokerPasswords.of(passwords);
  }
}
