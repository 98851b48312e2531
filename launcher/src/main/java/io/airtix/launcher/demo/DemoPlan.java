package io.airtix.launcher.demo;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What is left to create, given what exists. The demo data is created once: every later start finds
 * it and creates nothing, and a start interrupted half-way completes the rest. (Airlines and staff
 * need no plan: the tenants API answers a repeated request with 200 and changes nothing.)
 */
public final class DemoPlan {

  private DemoPlan() {}

  public static List<DemoAccount> accountsToCreate(
      Collection<DemoAccount> wanted, Set<String> existingUsernames) {
    return wanted.stream()
        .filter(account -> !existingUsernames.contains(account.username()))
        .toList();
  }

  /**
   * Who the airline's tenant admin adds to its staff: everybody working for it but its first tenant
   * admin, whom the airline's creation appointed.
   */
  public static List<DemoAccount> staffToAdd(
      Collection<DemoAccount> accounts, DemoAccount firstTenantAdmin) {
    return accounts.stream()
        .filter(account -> firstTenantAdmin.airline().equals(account.airline()))
        .filter(account -> !account.equals(firstTenantAdmin))
        .toList();
  }

  public static List<DemoTicket> ticketsToCreate(
      Collection<DemoTicket> wanted, String airline, Set<String> existingFlightNumbers) {
    return wanted.stream()
        .filter(ticket -> ticket.airline().equals(airline))
        .filter(ticket -> !existingFlightNumbers.contains(ticket.flightNumber()))
        .toList();
  }
}
