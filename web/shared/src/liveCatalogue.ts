import type { Ticket, TicketSearch } from './api/client';
import type { LiveMessage, LiveSubscription, LiveTicket } from './live';

/** What the shown catalogue page filters on, as the live stream takes it. */
export type CatalogueFilters = Omit<LiveSubscription, 'channels'>;

/** What live messages said about one ticket since the page was loaded. */
export interface LiveMark {
  status?: Ticket['status'];
  price?: number;
  currency?: string;
  /** The price before the last change, when it changed while the page was shown. */
  previousPrice?: number;
  withdrawn?: boolean;
  /** Published while the page was shown. */
  fresh?: boolean;
}

export interface LiveCatalogue {
  marks: Record<string, LiveMark>;
  /** Tickets published while the page was shown that match its filters. */
  arrivals: Ticket[];
}

export const EMPTY_LIVE_CATALOGUE: LiveCatalogue = { marks: {}, arrivals: [] };

/** A ticket as shown: the API's, with what happened since. */
export interface ShownTicket extends Ticket {
  previousPrice?: number;
  withdrawn?: boolean;
  fresh?: boolean;
}

/** The live filters for the catalogue's own: the stream filters by route only with both ends known. */
export function liveFiltersOf(search: TicketSearch): CatalogueFilters {
  const filters: CatalogueFilters = {};
  if (search.airline) filters.airline = [search.airline];
  if (search.origin && search.destination) filters.route = [`${search.origin}-${search.destination}`];
  if (search.date) filters.date = [search.date];
  return filters;
}

/**
 * Whether a ticket belongs to the search, as the tickets API decides it. The stream has no price filter, so a
 * price range and a currency are checked here only: a ticket published outside them is not slotted in.
 */
export function matches(
  ticket: Pick<Ticket, 'airline' | 'origin' | 'destination' | 'departureTime' | 'price' | 'currency'>,
  search: TicketSearch,
): boolean {
  return (
    (!search.airline || ticket.airline === search.airline) &&
    (!search.origin || ticket.origin === search.origin) &&
    (!search.destination || ticket.destination === search.destination) &&
    (!search.date || ticket.departureTime.slice(0, 10) === search.date) &&
    (!search.currency || ticket.currency === search.currency) &&
    (search.minPrice === undefined || ticket.price >= search.minPrice) &&
    (search.maxPrice === undefined || ticket.price <= search.maxPrice)
  );
}

function ticketOf(data: LiveTicket): Ticket {
  return {
    id: data.ticketId,
    airline: data.airline,
    flightNumber: data.flightNumber,
    origin: data.origin,
    destination: data.destination,
    departureTime: data.departureTime,
    cabin: data.cabin as Ticket['cabin'],
    seat: data.seat,
    price: data.price,
    currency: data.currency,
    status: data.status as Ticket['status'],
    version: 0,
  };
}

function mark(state: LiveCatalogue, ticketId: string, change: LiveMark): LiveCatalogue {
  return { ...state, marks: { ...state.marks, [ticketId]: { ...state.marks[ticketId], ...change } } };
}

/**
 * Folds one message into what the page knows. `shown` tells whether a ticket id is on the page, so marks are
 * kept only for tickets someone sees.
 */
export function applyLiveMessage(
  state: LiveCatalogue,
  message: LiveMessage,
  search: TicketSearch,
  shown: (ticketId: string) => boolean,
): LiveCatalogue {
  if (message.channel !== 'catalogue') return state;
  const id = message.data.ticketId;
  const isShown = shown(id) || state.arrivals.some((ticket) => ticket.id === id);
  switch (message.type) {
    case 'ticket.published': {
      if (isShown || !matches(ticketOf(message.data), search)) return state;
      return { ...mark(state, id, { fresh: true }), arrivals: [...state.arrivals, ticketOf(message.data)] };
    }
    case 'ticket.changed': {
      if (!isShown) return state;
      const before = state.marks[id];
      const priceChanged =
        message.data.previousPrice !== undefined && message.data.previousPrice !== message.data.price;
      return mark(state, id, {
        status: message.data.status as Ticket['status'],
        price: message.data.price,
        currency: message.data.currency,
        previousPrice: priceChanged
          ? (before?.previousPrice ?? message.data.previousPrice)
          : before?.previousPrice,
      });
    }
    case 'ticket.held':
      return isShown ? mark(state, id, { status: 'RESERVED' }) : state;
    case 'ticket.released':
      return isShown ? mark(state, id, { status: 'AVAILABLE' }) : state;
    case 'ticket.sold':
      return isShown ? mark(state, id, { status: 'SOLD' }) : state;
    case 'ticket.withdrawn':
      return isShown ? mark(state, id, { withdrawn: true }) : state;
    default:
      return state;
  }
}

/** The tickets to show: the page's, then matching arrivals, in departure order, with their marks. */
export function showTickets(items: Ticket[], state: LiveCatalogue, lastPage: boolean): ShownTicket[] {
  const known = new Set(items.map((ticket) => ticket.id));
  const last = items.at(-1)?.departureTime;
  // an arrival belongs on this page when it departs before the page's last ticket, or the page is the last
  const arrivals = state.arrivals.filter(
    (ticket) => !known.has(ticket.id) && (lastPage || (last !== undefined && ticket.departureTime <= last)),
  );
  const all = [...items, ...arrivals].sort((a, b) => a.departureTime.localeCompare(b.departureTime));
  return all.map((ticket) => {
    const live = state.marks[ticket.id];
    if (!live) return ticket;
    const shown: ShownTicket = {
      ...ticket,
      status: live.status ?? ticket.status,
      price: live.price ?? ticket.price,
      currency: live.currency ?? ticket.currency,
    };
    if (live.previousPrice !== undefined && live.previousPrice !== shown.price)
      shown.previousPrice = live.previousPrice;
    if (live.withdrawn) shown.withdrawn = true;
    if (live.fresh) shown.fresh = true;
    return shown;
  });
}
