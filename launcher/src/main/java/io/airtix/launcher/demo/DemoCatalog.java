package io.airtix.launcher.demo;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A platform admin, two airlines with their staff, one traveller, and a few tickets per airline.
 */
public final class DemoCatalog {

  /** Airline alias (the tenant id) to display name. */
  public static final Map<String, String> AIRLINES =
      Map.of("aerolux", "AeroLux", "boreal", "Boreal Air");

  public static final List<DemoAccount> ACCOUNTS =
      List.of(
          DemoAccount.platformAdmin("Paula", "Platform"),
          DemoAccount.staff("aerolux", "tenant-admin", "Amelie", "Weber", "AeroLux tenant admin"),
          DemoAccount.staff("aerolux", "agent", "Luc", "Schmit", "AeroLux agent"),
          DemoAccount.staff(
              "boreal", "tenant-admin", "Ingrid", "Halvorsen", "Boreal Air tenant admin"),
          DemoAccount.staff("boreal", "agent", "Mikko", "Virtanen", "Boreal Air agent"),
          DemoAccount.traveller("traveller", "Tessa", "Traveller"));

  public static final List<DemoTicket> TICKETS =
      List.of(
          new DemoTicket(
              "aerolux",
              "AX101",
              "LUX",
              "LHR",
              ofDays(14).plus(ofHours(7)),
              "ECONOMY",
              "12A",
              new BigDecimal("129.00"),
              "EUR"),
          new DemoTicket(
              "aerolux",
              "AX205",
              "LUX",
              "CDG",
              ofDays(15).plus(ofHours(9)).plus(ofMinutes(30)),
              "BUSINESS",
              "2C",
              new BigDecimal("349.00"),
              "EUR"),
          new DemoTicket(
              "aerolux",
              "AX317",
              "LUX",
              "FCO",
              ofDays(21).plus(ofHours(16)),
              "ECONOMY",
              "18F",
              new BigDecimal("159.00"),
              "EUR"),
          new DemoTicket(
              "boreal",
              "BR410",
              "OSL",
              "KEF",
              ofDays(10).plus(ofHours(8)),
              "ECONOMY",
              "21C",
              new BigDecimal("189.00"),
              "EUR"),
          new DemoTicket(
              "boreal",
              "BR512",
              "HEL",
              "ARN",
              ofDays(12).plus(ofHours(6)).plus(ofMinutes(45)),
              "BUSINESS",
              "3A",
              new BigDecimal("299.00"),
              "EUR"),
          new DemoTicket(
              "boreal",
              "BR630",
              "OSL",
              "TOS",
              ofDays(18).plus(ofHours(13)),
              "ECONOMY",
              "14D",
              new BigDecimal("119.00"),
              "EUR"));

  private DemoCatalog() {}

  public static boolean isDemoAccount(String username) {
    return ACCOUNTS.stream().anyMatch(account -> account.username().equals(username));
  }

  public static DemoAccount platformAdmin() {
    return ACCOUNTS.stream()
        .filter(account -> account.realmRoles().contains("platform-admin"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the demo has no platform admin"));
  }

  /** The airline's first tenant admin, appointed when the airline is created. */
  public static DemoAccount tenantAdminOf(String airline) {
    return ACCOUNTS.stream()
        .filter(account -> airline.equals(account.airline()) && account.isTenantAdmin())
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("the demo has no tenant admin for " + airline));
  }

  public static DemoAccount agentOf(String airline) {
    return ACCOUNTS.stream()
        .filter(account -> airline.equals(account.airline()) && account.isAgent())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the demo has no agent for " + airline));
  }
}
