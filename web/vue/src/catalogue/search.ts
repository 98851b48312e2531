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

/** The page in the address counts from 1; the API's from 0. */
export function pageOf(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page - 1 : 0;
}
