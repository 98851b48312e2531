import type { TicketSearch } from './api/client';

/** Demo tickets are priced in euros; the API needs a currency with a price bound, so euros unless named. */
const DEFAULT_CURRENCY = 'EUR';

/** An amount from the address, or nothing when it is not a number (the API judges the rest: sign, decimals). */
function amountOf(text: string | null): number | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const amount = Number(trimmed);
  return Number.isFinite(amount) ? amount : undefined;
}

/**
 * The tickets API's filters, from the catalogue's address: airline, origin, destination, date, price range,
 * currency. The three apps keep the filters in the address, so a reload or a shared link shows the same tickets.
 */
export function searchOf(params: URLSearchParams): TicketSearch {
  const search: TicketSearch = {};
  const airline = params.get('airline')?.trim().toLowerCase();
  const origin = params.get('origin')?.trim().toUpperCase();
  const destination = params.get('destination')?.trim().toUpperCase();
  const date = params.get('date')?.trim();
  const minPrice = amountOf(params.get('minPrice'));
  const maxPrice = amountOf(params.get('maxPrice'));
  const currency = params.get('currency')?.trim().toUpperCase();
  if (airline) search.airline = airline;
  if (origin) search.origin = origin;
  if (destination) search.destination = destination;
  if (date) search.date = date;
  if (minPrice !== undefined) search.minPrice = minPrice;
  if (maxPrice !== undefined) search.maxPrice = maxPrice;
  if (currency) search.currency = currency;
  else if (minPrice !== undefined || maxPrice !== undefined) search.currency = DEFAULT_CURRENCY;
  return search;
}
