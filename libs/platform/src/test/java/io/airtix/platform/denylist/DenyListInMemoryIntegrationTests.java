package io.airtix.platform.denylist;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The standalone mode's deny-list: in memory, fed by a queue of this instance's own. */
class DenyListInMemoryIntegrationTests extends DenyListContractIntegrationTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    service(registry);
  }
}
