package io.airtix.events.broker;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/** One password per broker account, for a broker whose accounts Airtix sets up itself. */
public final class BrokerPasswords {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<BrokerAccount, String> passwords;

  private BrokerPasswords(Map<BrokerAccount, String> passwords) {
    this.passwords = passwords;
  }

  /** New random passwords (24 bytes each), for as long as this broker runs. */
  public static BrokerPasswords generate() {
    Map<BrokerAccount, String> passwords = new EnumMap<>(BrokerAccount.class);
    for (BrokerAccount account : BrokerAccount.values()) {
      byte[] secret = new byte[24];
      RANDOM.nextBytes(secret);
      passwords.put(account, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
    return new BrokerPasswords(passwords);
  }

  /** Passwords kept from an earlier run; every account must have one. */
  public static BrokerPasswords of(Map<BrokerAccount, String> passwords) {
    for (BrokerAccount account : BrokerAccount.values()) {
      String password = passwords.get(account);
      if (password == null || password.isBlank()) {
        throw new IllegalArgumentException("No password for the broker account " + account);
      }
    }
    return new BrokerPasswords(new EnumMap<>(passwords));
  }

  public String of(BrokerAccount account) {
    return passwords.get(account);
  }

  @Override
  public String toString() {
    return "BrokerPasswords[" + passwords.size() + " accounts]";
  }
}
