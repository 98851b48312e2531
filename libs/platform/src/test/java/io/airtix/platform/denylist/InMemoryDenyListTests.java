package io.airtix.platform.denylist;

import java.time.Clock;
import java.time.Duration;

class InMemoryDenyListTests extends DenyListContract {

  @Override
  DenyList denyList(Duration retention) {
    return new InMemoryDenyList(retention, Clock.systemUTC());
  }
}
