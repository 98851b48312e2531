import type { TicketSearch } from '@airtix/web-shared/api';
import type { LocationQuery } from 'vue-router';

/** The address's query as URLSearchParams: the first value of each name, as a browser reads it. */
export function paramsOf(query: LocationQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') params.set(name, first);
  }
  return params;
}

/** Demo tickets are priced in euros; the API needs a currency with a price bound, so euros unless named. */
const DEFAULT_CURRENCY = 'EUR';

/** An amount from the address, or nothing when it is not a number (the API judges the rest: sign, decimals). */
function amountOf(text: string | null): number | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const amount = Number(trimmed);
  return Number.isFinite(amount) ? amount : undefined;
}

/** The tickets API's filters, from the address: airline, origin, destination, date, price range, currency. */
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

/** The page in the address counts from 1; the API's from 0. */
export function pageOf(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page - 1 : 0;
}
