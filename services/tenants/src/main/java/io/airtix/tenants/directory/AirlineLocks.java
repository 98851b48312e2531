package io.airtix.tenants.directory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Serialises the check-then-act sequences of one airline within this process (creating it; the
 * last-tenant-admin guard), because Keycloak offers no transaction across admin calls. Several
 * instances of the service would need a shared lock; see decision 0008.
 */
@Component
public class AirlineLocks {

  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  public <T> T withLock(String alias, Supplier<T> work) {
    synchronized (locks.computeIfAbsent(alias, key -> new Object())) {
      return work.get();
    }
  }
}
