package io.airtix.platform.denylist;

import io.airtix.testing.services.TestServices;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The distributed mode's deny-list: in the tests' Redis ({@link TestServices#redis()}), fed by one
 * durable queue per service.
 */
class DenyListOnRedisIntegrationTests extends DenyListContractIntegrationTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    service(registry);
    registry.add("airtix.redis.enabled", () -> true);
    registry.add("spring.data.redis.host", () -> TestServices.redis().host());
    registry.add("spring.data.redis.port", () -> TestServices.redis().port());
  }
}
