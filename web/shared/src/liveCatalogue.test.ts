import { describe, expect, it } from 'vitest';
import type { LiveMessage, LiveTicket } from './live';
import { applyLiveMessage, EMPTY_LIVE_CATALOGUE, liveFiltersOf, matches } from './liveCatalogue';

const published = (ticketId: string, price: number, currency = 'EUR'): LiveMessage => ({
  type: 'ticket.published',
  position: `p-${ticketId}`,
  channel: 'catalogue',
  at: '2027-03-01T10:00:00Z',
  data: {
    ticketId,
    airline: 'aerolux',
    flightNumber: `AX${ticketId}`,
    origin: 'LUX',
    destination: 'CDG',
    departureTime: '2027-03-14T10:00:00Z',
    cabin: 'ECONOMY',
    seat: '12A',
    price,
    currency,
    status: 'AVAILABLE',
  } satisfies LiveTicket,
});

const nothingShown = () => false;

describe('the catalogue’s live fold, with a price range', () => {
  it('slots in only tickets published within the range, bounds included, in the currency asked for', () => {
    const search = { minPrice: 100, maxPrice: 200, currency: 'EUR' };
    const arrived = [
      published('1', 99.99),
      published('2', 100),
      published('3', 150.5),
      published('4', 200),
      published('5', 200.01),
      published('6', 150, 'USD'),
    ].reduce(
      (state, message) => applyLiveMessage(state, message, search, nothingShown),
      EMPTY_LIVE_CATALOGUE,
    );

    expect(arrived.arrivals.map((ticket) => ticket.id)).toEqual(['2', '3', '4']);
    expect(Object.keys(arrived.marks)).toEqual(['2', '3', '4']);
  });

  it('takes one bound alone, and a currency alone', () => {
    const ticket = {
      airline: 'aerolux',
      origin: 'LUX',
      destination: 'CDG',
      departureTime: '2027-03-14T10:00:00Z',
    };
    expect(matches({ ...ticket, price: 0, currency: 'EUR' }, { maxPrice: 0, currency: 'EUR' })).toBe(true);
    expect(matches({ ...ticket, price: 1000, currency: 'EUR' }, { minPrice: 50, currency: 'EUR' })).toBe(
      true,
    );
    expect(matches({ ...ticket, price: 49, currency: 'EUR' }, { minPrice: 50, currency: 'EUR' })).toBe(false);
    expect(matches({ ...ticket, price: 49, currency: 'USD' }, { currency: 'USD' })).toBe(true);
    expect(matches({ ...ticket, price: 49, currency: 'EUR' }, { currency: 'USD' })).toBe(false);
    expect(matches({ ...ticket, price: 49, currency: 'EUR' }, {})).toBe(true);
  });

  it('leaves the price out of the stream’s filters, which have none', () => {
    expect(liveFiltersOf({ airline: 'aerolux', minPrice: 10, maxPrice: 20, currency: 'EUR' })).toEqual({
      airline: ['aerolux'],
    });
  });
});
