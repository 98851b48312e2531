import { NO_ACCESS, type Access } from '@airtix/web-shared/access';
import { createApi } from '@airtix/web-shared/api';
import type { LiveMessage, LiveStatus } from '@airtix/web-shared/live';
import { render } from '@testing-library/vue';
import { defineComponent, h, nextTick, type Component } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { vi } from 'vitest';
import { ApiKey } from '../api/api';
import { QueryCache, QueryCacheKey } from '../api/query';
import { AuthKey, type Auth } from '../auth/auth';
import { LiveKey, type CatalogueFilters, type Live } from '../live/live';

/** A live connection the test drives: `send` delivers a message to every listener, then lets Vue render. */
export function fakeLive(status: LiveStatus = 'open') {
  const listeners = new Set<(message: LiveMessage) => void>();
  const resyncListeners = new Set<() => void>();
  const followed: CatalogueFilters[] = [];
  const live: Live = {
    status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onResync: (listener) => {
      resyncListeners.add(listener);
      return () => void resyncListeners.delete(listener);
    },
    follow: (filters) => void followed.push(filters),
  };
  let position = 0;
  return {
    live,
    followed,
    async send(message: Omit<LiveMessage, 'position' | 'at' | 'channel'> & { channel?: string }) {
      position++;
      const full = {
        channel: 'catalogue',
        at: new Date().toISOString(),
        position: `p-${position}`,
        ...message,
      } as LiveMessage;
      for (const listener of [...listeners]) listener(full);
      await nextTick();
    },
    async resync() {
      for (const listener of [...resyncListeners]) listener();
      await nextTick();
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

/** A page that only says where the app went. */
export function stub(text: string): Component {
  return defineComponent({ render: () => h('p', text) });
}

/** Renders `page` at `path` (matched by `route`) with a fresh query cache, the fake API, auth and live. */
export async function renderPage(
  page: Component,
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
    otherRoutes?: Record<string, Component>;
  },
) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: route, component: page },
      ...Object.entries(otherRoutes).map(([pattern, shown]) => ({ path: pattern, component: shown })),
    ],
  });
  await router.push(path);
  await router.isReady();
  const cache = new QueryCache({ staleTime: 0, retries: 0, gcTime: Infinity });
  const api = createApi({ baseUrl: 'http://localhost:8080', fetch, getAccessToken: auth.getAccessToken });
  const result = render(RouterView, {
    global: {
      plugins: [router],
      provide: {
        [AuthKey as symbol]: auth,
        [QueryCacheKey as symbol]: cache,
        [ApiKey as symbol]: api,
        [LiveKey as symbol]: live,
      },
    },
  });
  return { ...result, router, cache };
}
