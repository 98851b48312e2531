import type { Ticket } from './api/client';

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** Timestamps on the staff pages are UTC, as departures are: one clock for colleagues in several places. */
export function formatWhen(iso: string): string {
  return when.format(new Date(iso));
}

/** "AX101 LUX to CDG, seat 12A": how a ticket is named in messages and hidden labels. */
export function ticketName(ticket: Pick<Ticket, 'flightNumber' | 'origin' | 'destination' | 'seat'>): string {
  return `${ticket.flightNumber} ${ticket.origin} to ${ticket.destination}, seat ${ticket.seat}`;
}

export { adminConsoleUrlOf } from './keycloak';
