import type { Api } from '@airtix/web-shared/api';
import { getContext, setContext } from 'svelte';

const API = Symbol('api');

export const apiContext = (api: Api): [symbol, Api] => [API, api];

/** The typed client on the gateway, for every page under the app's root. */
export function setApi(api: Api): void {
  setContext(API, api);
}

export function getApi(): Api {
  const api = getContext<Api | undefined>(API);
  if (!api) throw new Error('getApi outside the app');
  return api;
}
