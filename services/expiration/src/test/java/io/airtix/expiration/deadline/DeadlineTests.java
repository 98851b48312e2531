package io.airtix.expiration.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.events.orders.OrderCreated;
import io.airtix.events.orders.OrderExpired;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTests {

  private static final Instant NOON = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void expiresTheOrderAtTheVersionItWasScheduledFrom() {
    OrderCreated order = OrderMother.createdUntil(NOON);

    OrderExpired expired = Deadline.of(order).expired();

    assertThat(expired).isEqualTo(new OrderExpired(order.orderId(), 0, "aerolux", NOON));
    assertThat(expired.aggregateId()).isEqualTo(order.aggregateId());
  }
}
