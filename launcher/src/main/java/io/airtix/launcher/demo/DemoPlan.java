package io.airtix.launcher.demo;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is left to create, given what exists. The demo data is created once: every later start finds it and does
 * nothing, and a start interrupted half-way completes the rest.
 */
public final class DemoPlan {

  private DemoPlan() {
  }

  public static List<DemoAccount> accountsToCreate(Collection<DemoAccount> wanted, Set<String> existingUsernames) {
    return wanted.stream().filter(account -> !existingUsernames.contains(account.username())).toList();
  }

  /** Only airlines whose people are still to be created need their organization and groups checked. */
  public static Set<String> airlinesToEnsure(Collection<DemoAccount> accountsToCreate) {
    return accountsToCreate.stream().map(DemoAccount::airline).filter(Objects::nonNull)
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
  }

  public static List<DemoTicket> ticketsToCreate(Collection<DemoTicket> wanted, String airline,
      Set<String> existingFlightNumbers) {
    return wanted.stream()
        .filter(ticket -> ticket.airline().equals(airline))
        .filter(ticket -> !existingFlightNumbers.contains(ticket.flightNumber()))
        .toList();
  }
}
