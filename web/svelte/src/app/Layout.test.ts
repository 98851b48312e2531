import { may } from '@airtix/web-shared/access';
import { createApi } from '@airtix/web-shared/api';
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiContext } from '../api/api';
import { QueryCache, queriesContext } from '../api/queries.svelte';
import { authContext, type Auth } from '../auth/auth.svelte';
import { liveContext } from '../live/live.svelte';
import { page } from '../staff/fixtures';
import { BASE, fakeFetch, fakeLive, renderPage, signedIn, signedInAs, signedOut } from '../test/harness';
import Stub from '../test/Stub.svelte';
import Layout from './Layout.svelte';
import { Router, routerContext, type Route } from './router.svelte';
import { routes as appRoutes } from './routes';

/** The app's frame at `path` with the given routes, on a fake API. */
function showLayout(
  auth: Auth,
  { path = '/', routes = [{ path: '*', component: Stub, props: { text: 'page' } }] as readonly Route[] } = {},
) {
  window.history.replaceState(null, '', `${BASE}${path}`);
  const router = new Router(BASE);
  const fetch = fakeFetch({
    'GET /api/tickets': page([]),
    'GET /api/airlines/aerolux/orders': page([]),
    'GET /api/airlines/aerolux/payments': page([]),
  });
  const context = new Map<unknown, unknown>([
    routerContext(router),
    authContext(auth),
    apiContext(createApi({ baseUrl: 'http://localhost:8080', fetch, getAccessToken: auth.getAccessToken })),
    queriesContext(new QueryCache({ retries: 0 })),
    liveContext(fakeLive().live),
  ]);
  render(Layout, { props: { routes }, context });
  return router;
}

function workLinks(auth: Auth): string[] {
  showLayout(auth);
  const work = screen.queryByRole('navigation', { name: 'Work' });
  return work
    ? within(work)
        .getAllByRole('link')
        .map((link) => link.textContent?.trim() ?? '')
    : [];
}

describe('the navigation', () => {
  it('offers customers and signed-out visitors the storefront only', () => {
    expect(workLinks(signedIn)).toEqual([]);
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent(
      /Tickets\s*My orders\s*My payments/,
    );
  });

  it('offers nothing beyond the storefront to a signed-out visitor', () => {
    expect(workLinks(signedOut)).toEqual([]);
  });

  it('offers an agent the airline’s tickets, orders and payments', () => {
    expect(workLinks(signedInAs('aerolux', ['agent']))).toEqual([
      'Airline tickets',
      'Airline orders',
      'Airline payments',
    ]);
  });

  it('offers an auditor tickets, orders and payments', () => {
    expect(workLinks(signedInAs('aerolux', ['auditor']))).toEqual([
      'Airline tickets',
      'Airline orders',
      'Airline payments',
    ]);
  });

  it('offers a tenant admin the staff as well', () => {
    expect(workLinks(signedInAs('aerolux', ['tenant-admin']))).toEqual([
      'Airline tickets',
      'Airline orders',
      'Airline payments',
      'Staff',
    ]);
  });

  it('offers a platform admin the airlines, and nothing inside an airline', () => {
    expect(workLinks(signedInAs(undefined, [], true))).toEqual(['Airlines']);
  });

  it('links under the app’s base and marks the place shown', () => {
    showLayout(signedInAs('aerolux', ['auditor']), { path: '/staff/orders?page=2' });
    const work = screen.getByRole('navigation', { name: 'Work' });

    expect(within(work).getByRole('link', { name: 'Airline tickets' })).toHaveAttribute(
      'href',
      '/svelte/staff/tickets',
    );
    expect(within(work).getByRole('link', { name: 'Airline orders' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});

describe('a page for some roles only', () => {
  const guarded: Route[] = [
    {
      path: '/admin/staff',
      component: Stub,
      props: { text: 'staff page' },
      roles: { title: 'The airline’s staff', allowed: may.manageStaff },
    },
  ];
  const show = (auth: Auth) =>
    renderPage(Stub, {
      path: '/admin/staff',
      route: '/nowhere',
      fetch: fakeFetch({}),
      live: fakeLive().live,
      auth,
      routes: guarded,
    });

  it('is shown to those roles', () => {
    show(signedInAs('aerolux', ['tenant-admin']));
    expect(screen.getByText('staff page')).toBeInTheDocument();
  });

  it('tells anybody else they may not see it', () => {
    show(signedInAs('aerolux', ['agent']));
    expect(screen.queryByText('staff page')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'The airline’s staff' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your account is not allowed to see this page.');
    expect(screen.getByRole('link', { name: 'Back to the catalogue' })).toHaveAttribute('href', '/svelte/');
  });

  it('asks a signed-out visitor to sign in', () => {
    show(signedOut);
    expect(screen.queryByText('staff page')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('the staff pages of the route table', () => {
  it('load on first use, behind their roles', async () => {
    showLayout(signedInAs('aerolux', ['agent']), { path: '/staff/tickets', routes: appRoutes });

    expect(screen.getByRole('status')).toHaveTextContent('Loading the page…');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tickets of aerolux' })).toHaveFocus();
  });

  it.each([
    ['/staff/orders', 'Orders of aerolux'],
    ['/staff/payments', 'Payments of aerolux'],
  ])('open %s to an agent', async (path, heading) => {
    showLayout(signedInAs('aerolux', ['agent']), { path, routes: appRoutes });

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(screen.queryByText('Your account is not allowed to see this page.')).not.toBeInTheDocument();
  });

  it('are refused to roles that may not see them, before any code loads', () => {
    showLayout(signedInAs('aerolux', ['agent']), { path: '/admin/staff', routes: appRoutes });

    expect(screen.getByRole('heading', { level: 1, name: 'The airline’s staff' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your account is not allowed to see this page.');
  });

  it('ask a signed-out visitor to sign in, under the page’s title', () => {
    showLayout(signedOut, { path: '/platform/airlines', routes: appRoutes });

    expect(screen.getByRole('heading', { level: 1, name: 'Airlines' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('each come from a module of their own', () => {
    const lazy = appRoutes.filter((route) => route.load).map((route) => route.path);
    expect(lazy).toEqual([
      '/staff/tickets',
      '/staff/tickets/new',
      '/staff/tickets/:ticketId/edit',
      '/staff/orders',
      '/staff/payments',
      '/admin/staff',
      '/platform/airlines',
    ]);
    expect(appRoutes.filter((route) => route.load && !route.roles)).toEqual([]);
  });
});
