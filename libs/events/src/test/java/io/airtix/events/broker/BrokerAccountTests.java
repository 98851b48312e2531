package io.airtix.events.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airtix.events.EventTypes;
import io.airtix.events.payments.ChargeCreated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerAccountTests {

  @Test
  void everyEventOfAirtixHasExactlyOnePublisher() {
    List<String> published = new ArrayList<>();
    Arrays.stream(BrokerAccount.values()).forEach(account -> published.addAll(account.publishes()));

    assertThat(published).containsExactlyInAnyOrderElementsOf(EventTypes.AIRTIX.types());
  }

  @Test
  void onlyThePaymentsServiceSaysAChargeSucceeded() {
    assertThat(BrokerAccount.values())
        .filteredOn(account -> account.publishes().contains(ChargeCreated.TYPE))
        .containsExactly(BrokerAccount.PAYMENTS);
  }

  @Test
  void theObserverReadsAndPublishesNothing() {
    assertThat(BrokerAccount.OBSERVER.consumes()).isTrue();
    assertThat(BrokerAccount.OBSERVER.publishes()).isEmpty();
  }

  @Test
  void findsTheAccountOfAServiceByItsName() {
    assertThat(BrokerAccount.ofService("orders")).isEqualTo(BrokerAccount.ORDERS);
    assertThat(BrokerAccount.ORDERS.username()).isEqualTo("airtix-orders");
    assertThatThrownBy(() -> BrokerAccount.ofService("gateway")).hasMessageContaining("gateway");
  }

  @Test
  void generatesADifferentPasswordForEveryAccount() {
    BrokerPasswords passwords = BrokerPasswords.generate();

    assertThat(Arrays.stream(BrokerAccount.values()).map(passwords::of).distinct())
        .hasSize(BrokerAccount.values().length)
        .allSatisfy(password -> assertThat(password).hasSizeGreaterThanOrEqualTo(32));
    assertThat(passwords.toString()).doesNotContain(passwords.of(BrokerAccount.ORDERS));
  }
}
