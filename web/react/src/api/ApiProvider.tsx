import { createApi, type Api } from '@airtix/web-shared/api';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useAuth } from '../auth/AuthProvider';

const ApiContext = createContext<Api | undefined>(undefined);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** For tests: an Api made with a fake fetch. */
export function ApiContextProvider({ value, children }: { value: Api; children: ReactNode }) {
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

/** The typed client on the gateway (the page's own origin unless VITE_API_BASE_URL says otherwise). */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { getAccessToken } = useAuth();
  const api = useMemo(
    () => createApi({ baseUrl: import.meta.env.VITE_API_BASE_URL ?? window.location.origin, getAccessToken }),
    [getAccessToken],
  );
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}
