package io.airtix.platform.denylist;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The distributed mode's deny-list: in the machine's Redis, fed by one durable queue per service.
 */
class DenyListOnRedisIntegrationTests extends DenyListContractIntegrationTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    service(registry);
    registry.add("airtix.redis.enabled", () -> true);
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> 6379);
  }
}
