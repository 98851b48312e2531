import { createApi } from '@airtix/web-shared/api';
import type { LiveMessage, LiveStatus } from '@airtix/web-shared/live';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { ApiContextProvider } from '../api/ApiProvider';
import { NO_ACCESS, type Access } from '../auth/access';
import { AuthContextProvider, type Auth } from '../auth/AuthProvider';
import { LiveContextProvider, type CatalogueFilters, type Live } from '../live/LiveProvider';

/** A live connection the test drives: `send` delivers a message to every listener. */
export function fakeLive(status: LiveStatus = 'open') {
  const listeners = new Set<(message: LiveMessage) => void>();
  const resyncListeners = new Set<() => void>();
  const followed: CatalogueFilters[] = [];
  const live: Live = {
    status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResync: (listener) => {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    follow: (filters) => followed.push(filters),
  };
  let position = 0;
  return {
    live,
    followed,
    send(message: Omit<LiveMessage, 'position' | 'at' | 'channel'> & { channel?: string }) {
      position++;
      const full = {
        channel: 'catalogue',
        at: new Date().toISOString(),
        position: `p-${position}`,
        ...message,
      } as LiveMessage;
      act(() => {
        for (const listener of [...listeners]) listener(full);
      });
    },
    resync() {
      act(() => {
        for (const listener of [...resyncListeners]) listener();
      });
    },
  };
}

export const signedIn: Auth = {
  status: 'signed-in',
  name: 'traveller',
  access: NO_ACCESS,
  getAccessToken: async () => 'token',
  signIn: vi.fn(async () => undefined),
  signUp: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  forget: vi.fn(async () => undefined),
  completeSignIn: vi.fn(async () => ({ returnTo: '/', failed: false })),
};

export const signedOut: Auth = {
  status: 'signed-out',
  name: undefined,
  access: NO_ACCESS,
  getAccessToken: async () => null,
  signIn: vi.fn(async () => undefined),
  signUp: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  forget: vi.fn(async () => undefined),
  completeSignIn: vi.fn(async () => ({ returnTo: '/', failed: false })),
};

/** Signed in with roles: `signedInAs('aerolux', ['agent'])`; `signedInAs(undefined, [], true)`: a platform admin. */
export function signedInAs(
  airline: string | undefined,
  roles: Access['airlines'][string] = [],
  platformAdmin = false,
): Auth {
  return {
    ...signedIn,
    name: 'staff',
    access: { platformAdmin, airlines: airline ? { [airline]: roles } : {} },
  };
}

/** What a fake endpoint answers: a JSON body (200), or a function of the request for anything else. */
export type FakeAnswer = unknown | ((request: Request) => Response | Promise<Response>);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

/**
 * A fetch answering by `METHOD /path?query`, `METHOD /path` or (GET only) `/path`; a 404 problem otherwise.
 */
export function fakeFetch(answers: Record<string, FakeAnswer>) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(input);
    const url = new URL(request.url);
    const keys = [`${request.method} ${url.pathname}${url.search}`, `${request.method} ${url.pathname}`];
    if (request.method === 'GET') keys.push(`${url.pathname}${url.search}`, url.pathname);
    const key = keys.find((candidate) => candidate in answers);
    if (key === undefined) return json({ status: 404, code: 'NOT_FOUND', title: 'Not found' }, 404);
    const answer = answers[key];
    return typeof answer === 'function'
      ? (answer as (request: Request) => Response | Promise<Response>)(request)
      : json(answer);
  });
}

/** Renders `element` at `path` (matched by `route`) with a fresh query cache, the fake API, auth and live. */
export function renderPage(
  element: ReactNode,
  {
    path = '/',
    route = '/',
    fetch,
    live,
    auth = signedOut,
    otherRoutes = {},
  }: {
    path?: string;
    route?: string;
    fetch: typeof globalThis.fetch;
    live: Live;
    auth?: Auth;
    /** Where the page may navigate to: path pattern → what it shows. */
    otherRoutes?: Record<string, ReactNode>;
  },
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createApi({ baseUrl: 'http://localhost:8080', fetch, getAccessToken: auth.getAccessToken });
  return render(
    <AuthContextProvider value={auth}>
      <QueryClientProvider client={queryClient}>
        <ApiContextProvider value={api}>
          <LiveContextProvider value={live}>
            <MemoryRouter initialEntries={[path]}>
              <Routes>
                <Route path={route} element={element} />
                {Object.entries(otherRoutes).map(([pattern, shown]) => (
                  <Route key={pattern} path={pattern} element={shown} />
                ))}
              </Routes>
            </MemoryRouter>
          </LiveContextProvider>
        </ApiContextProvider>
      </QueryClientProvider>
    </AuthContextProvider>,
  );
}
