import { unwrap, type Ticket } from '@airtix/web-shared/api';
import { formatFlight } from '@airtix/web-shared/format';
import { getApi } from '../api/api';
import { createQuery, type Query } from '../api/queries.svelte';

/** The flight of an order's ticket, as `createFlight` reads it and `OrderFlight` shows it. */
export interface Flight {
  readonly ticket: Query<Ticket>;
  /** The flight on one line (`AX101 LUX → CDG`) once known. */
  readonly flight: string | undefined;
}

/**
 * The flight of an order's ticket, read once per ticket whatever lists it ("My orders", "My payments", the
 * booking): the query is shared by key. Without a ticket id yet, it waits; call while a component is set up.
 */
export function createFlight(ticketId: () => string | undefined): Flight {
  const api = getApi();
  const ticket = createQuery(() => {
    const id = ticketId();
    return {
      key: ['ticket', id],
      fetch: (signal) =>
        unwrap(api.tickets.GET('/api/tickets/{id}', { params: { path: { id: id! } }, signal })),
      enabled: id !== undefined,
    };
  });
  const flight = $derived(ticket.data ? formatFlight(ticket.data) : undefined);
  return {
    ticket,
    get flight() {
      return flight;
    },
  };
}
