package io.airtix.orders.ticketreplica;

import java.util.UUID;

/**
 * The tickets service withdrew a ticket. Published in this service only, inside the transaction
 * that applies the {@code ticket.deleted} event, so whatever holds the ticket here lets go of it in
 * that same transaction.
 */
public record TicketWithdrawn(UUID ticketId) {}
