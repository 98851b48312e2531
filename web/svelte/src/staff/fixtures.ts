import type { Ticket } from '@airtix/web-shared/api';

export const ticket: Ticket = {
  id: 't-1',
  airline: 'aerolux',
  flightNumber: 'AX101',
  origin: 'LUX',
  destination: 'CDG',
  departureTime: '2027-03-14T06:45:00Z',
  cabin: 'ECONOMY',
  seat: '12A',
  price: 129,
  currency: 'EUR',
  status: 'AVAILABLE',
  version: 3,
};

export function page<T>(items: T[]) {
  return { items, page: 0, size: 20, totalItems: items.length, totalPages: 1 };
}

/** The requests a fake fetch received with this method, in order. */
export function requests(fetch: { mock: { calls: unknown[][] } }, method: string): Request[] {
  return fetch.mock.calls
    .map(([request]) => request as Request)
    .filter((request) => request.method === method);
}
