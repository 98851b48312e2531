import type { Api } from '@airtix/web-shared/api';
import { inject, type InjectionKey } from 'vue';

export const ApiKey: InjectionKey<Api> = Symbol('api');

/** The typed client on the gateway, provided by App.vue (tests provide one over a fake fetch). */
export function useApi(): Api {
  const api = inject(ApiKey);
  if (!api) throw new Error('useApi without an Api provided');
  return api;
}
