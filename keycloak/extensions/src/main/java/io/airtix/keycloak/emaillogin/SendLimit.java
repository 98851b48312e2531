package io.airtix.keycloak.emaillogin;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * At most {@code sendsPerWindow} sign-in mails to one address in any {@code sendWindow}, across
 * every Keycloak node: each mail takes one of that many slots in Keycloak's cluster-wide single-use
 * store, and a slot frees itself one window after it was taken. Known and unknown addresses are
 * counted alike, so the limit says nothing about whether an account exists. The store's keys carry
 * a hash of the address, never the address.
 */
final class SendLimit {

  private SendLimit() {}

  static boolean takeSlot(
      SingleUseObjectProvider store, String realmId, String address, EmailLoginSettings settings) {
    String prefix =
        "airtix-email-login:sends:" + realmId + ":" + EmailChallenge.sha256(address) + ":";
    for (int slot = 0; slot < settings.sendsPerWindow(); slot++) {
      if (store.putIfAbsent(prefix + slot, settings.sendWindow().toSeconds())) {
        return true;
      }
    }
    return false;
  }
}
