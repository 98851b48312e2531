import type { Ticket } from '@airtix/web-shared/api';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { UserManager } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { fakeFetch, json } from '../test/harness';
import App from './App.svelte';

const ticket: Ticket = {
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
  version: 1,
};

/** Nobody signed in, and no hint of an earlier sign-in. */
function signedOutUserManager() {
  return {
    events: {
      addUserLoaded: vi.fn(),
      addUserUnloaded: vi.fn(),
      addSilentRenewError: vi.fn(),
      removeUserLoaded: vi.fn(),
      removeUserUnloaded: vi.fn(),
      removeSilentRenewError: vi.fn(),
    },
    getUser: vi.fn(async () => null),
    signinRedirect: vi.fn(async () => undefined),
  };
}

describe('the app', () => {
  const streams: string[] = [];

  beforeEach(() => {
    streams.length = 0;
    // Vitest serves from /, the build from the base the gateway serves the app under
    vi.stubEnv('BASE_URL', '/svelte/');
    sessionStorage.clear();
    window.history.replaceState(null, '', '/svelte/');
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/tickets': { items: [ticket], page: 0, size: 20, totalItems: 1, totalPages: 1 },
        '/api/tickets/t-1': ticket,
      }),
    );
    vi.stubGlobal(
      'EventSource',
      class {
        constructor(url: string) {
          streams.push(url);
        }
        addEventListener() {}
        close() {}
      },
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('shows the catalogue to a signed-out person, follows it live, and opens a ticket from it', async () => {
    const userManager = signedOutUserManager();
    render(App, { userManager: userManager as unknown as UserManager });

    expect(await screen.findByRole('heading', { level: 3, name: /AX101/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Airline tickets' })).toHaveFocus();
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(streams.at(-1)).toContain('/api/live/stream?channel=catalogue'));

    await userEvent.click(screen.getByRole('link', { name: /See details and reserve/ }));

    expect(window.location.pathname).toBe('/svelte/tickets/t-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'LUX to CDG, aerolux AX101' })).toHaveFocus();
    await waitFor(() => expect(streams.at(-1)).toContain('ticket=t-1'));
  });

  it('signs in from the header and comes back to the page shown', async () => {
    window.history.replaceState(null, '', '/svelte/?origin=LUX');
    const userManager = signedOutUserManager();
    render(App, { userManager: userManager as unknown as UserManager });

    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(userManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/?origin=LUX' } });
  });

  it('keeps its live connection when a renewed token comes, and follows the person’s orders', async () => {
    const user = (token: string) => ({
      expired: false,
      access_token: token,
      profile: { preferred_username: 'ana' },
    });
    const userManager = { ...signedOutUserManager(), getUser: vi.fn(async () => user('first')) };
    const api = fakeFetch({ '/api/tickets': { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 } });
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) =>
      String(input).endsWith('/api/live/passes') ? json({ pass: 'pass-1' }, 201) : api(input),
    );
    render(App, { userManager: userManager as unknown as UserManager });

    expect(await screen.findByText('Signed in as ana')).toBeInTheDocument();
    await waitFor(() => expect(streams).toHaveLength(1));
    expect(streams[0]).toContain('channel=catalogue&channel=orders');
    expect(streams[0]).toContain('pass=pass-1');

    const loaded = userManager.events.addUserLoaded.mock.calls[0]?.[0] as (next: unknown) => void;
    loaded(user('renewed'));
    flushSync();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(streams).toHaveLength(1);
  });
});
