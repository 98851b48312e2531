import type { Order, OrderPage, TicketPage } from '@airtix/web-shared/api';
import { createApi } from '@airtix/web-shared/api';
import { screen, within } from '@testing-library/vue';
import userEvent from '@testing-library/user-event';
import { mount, type VueWrapper } from '@vue/test-utils';
import { may } from '@airtix/web-shared/access';
import { defineComponent, h } from 'vue';
import { RouterView, createMemoryHistory } from 'vue-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiKey } from '../api/api';
import { QueryCache, QueryCacheKey } from '../api/query';
import { AuthKey, type Auth } from '../auth/auth';
import { LiveKey } from '../live/live';
import RequireRole from '../account/RequireRole.vue';
import { fakeFetch, fakeLive, renderPage, signedIn, signedInAs, signedOut } from '../test/harness';
import Layout from './Layout.vue';
import { createAppRouter } from './router';

const noTickets: TicketPage = { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 };

const order: Order = {
  id: 'o-1',
  ticketId: 't-1',
  airline: 'aerolux',
  customerId: 'c-1',
  price: 149,
  currency: 'EUR',
  status: 'COMPLETED',
  cancellationReason: null,
  createdAt: '2026-12-06T21:00:00Z',
  expiresAt: '2026-12-06T21:15:00Z',
  refunded: false,
  refundedAt: null,
  version: 0,
};

const orders: OrderPage = { items: [order], page: 0, size: 20, totalItems: 21, totalPages: 2 };

const mounted: VueWrapper[] = [];
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
});

/**
 * Mounted straight into the document as the app is (Testing Library's render moves the nodes after mounting,
 * which takes the focus away from the first page's heading).
 */
async function showApp(path: string, auth: Auth) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const fetch = fakeFetch({
    '/api/tickets': noTickets,
    '/api/orders': orders,
    '/api/airlines/aerolux/staff': { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 },
    '/api/airlines/aerolux/staff/invitations': [],
    '/api/airlines/aerolux/orders': orders,
    '/api/airlines/aerolux/payments': { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 },
  });
  const wrapper = mount(RouterView, {
    attachTo: document.body,
    global: {
      plugins: [router],
      provide: {
        [AuthKey as symbol]: auth,
        [QueryCacheKey as symbol]: new QueryCache({ staleTime: 0, retries: 0, gcTime: Infinity }),
        [ApiKey as symbol]: createApi({
          baseUrl: 'http://localhost:8080',
          fetch,
          getAccessToken: auth.getAccessToken,
        }),
        [LiveKey as symbol]: fakeLive().live,
      },
    },
  });
  mounted.push(wrapper);
  return { router };
}

describe('the app’s frame', () => {
  it('starts with a skip link to the page, and names the page in its one heading, focused', async () => {
    await showApp('/', signedOut);

    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Airline tickets');
    expect(heading).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Tickets' })).toHaveAttribute('aria-current', 'page');
  });

  it('moves the focus to the new page’s heading after a navigation', async () => {
    await showApp('/', signedIn);
    await screen.findByRole('heading', { level: 1, name: 'Airline tickets' });

    await userEvent.click(screen.getByRole('link', { name: 'My orders' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'My orders' });
    expect(heading).toHaveFocus();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'My orders' })).toHaveAttribute('aria-current', 'page');
  });

  it('asks for a sign-in before a person’s own pages, and comes back to the same address', async () => {
    await showApp('/orders?page=2', signedOut);

    expect(await screen.findByRole('heading', { level: 1, name: 'My orders' })).toBeInTheDocument();
    expect(screen.getByText('Please sign in to see this page.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: 'Sign in' }).at(-1)!);

    expect(signedOut.signIn).toHaveBeenCalledWith('/orders?page=2');
  });

  it('lists a signed-in person’s orders in a table with a caption, paged by the address', async () => {
    const { router } = await showApp('/orders', signedIn);

    const table = await screen.findByRole('table', { name: 'Your orders, newest first' });
    expect(table).toHaveTextContent('Booked');
    expect(screen.getByRole('link', { name: /See booking/ })).toHaveAttribute(
      'href',
      '/orders/o-1/completed',
    );
    expect(screen.getByText('Signed in as traveller')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(router.currentRoute.value.fullPath).toBe('/orders?page=2');
  });

  it('says so for an address the app does not know', async () => {
    await showApp('/nowhere/at/all', signedOut);

    expect(await screen.findByRole('heading', { level: 1, name: 'This page does not exist' })).toHaveFocus();
  });
});

async function workLinks(auth: Auth): Promise<string[]> {
  await renderPage(Layout, { fetch: fakeFetch({}), live: fakeLive().live, auth });
  const work = screen.queryByRole('navigation', { name: 'Work' });
  return work
    ? within(work)
        .getAllByRole('link')
        .map((link) => link.textContent?.trim() ?? '')
    : [];
}

describe('the navigation', () => {
  it('offers customers and signed-out visitors the storefront only', async () => {
    expect(await workLinks(signedIn)).toEqual([]);
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('TicketsMy ordersMy payments');
  });

  it('offers nothing beyond the storefront to a signed-out visitor', async () => {
    expect(await workLinks(signedOut)).toEqual([]);
  });

  it('offers an agent the airline’s tickets, orders and payments', async () => {
    expect(await workLinks(signedInAs('aerolux', ['agent']))).toEqual([
      'Airline tickets',
      'Airline orders',
      'Airline payments',
    ]);
  });

  it('offers an auditor tickets, orders and payments', async () => {
    expect(await workLinks(signedInAs('aerolux', ['auditor']))).toEqual([
      'Airline tickets',
      'Airline orders',
      'Airline payments',
    ]);
  });

  it('offers a tenant admin the staff as well', async () => {
    expect(await workLinks(signedInAs('aerolux', ['tenant-admin']))).toEqual([
      'Airline tickets',
      'Airline orders',
      'Airline payments',
      'Staff',
    ]);
  });

  it('offers a platform admin the airlines, and nothing inside an airline', async () => {
    expect(await workLinks(signedInAs(undefined, [], true))).toEqual(['Airlines']);
  });
});

describe('a page for some roles only', () => {
  const guarded = defineComponent({
    render: () =>
      h(
        RequireRole,
        { title: 'The airline’s staff', allowed: may.manageStaff },
        { default: () => h('p', 'staff page') },
      ),
  });

  it('is shown to those roles', async () => {
    await renderPage(guarded, {
      fetch: fakeFetch({}),
      live: fakeLive().live,
      auth: signedInAs('aerolux', ['tenant-admin']),
    });
    expect(screen.getByText('staff page')).toBeInTheDocument();
  });

  it('tells anybody else they may not see it', async () => {
    await renderPage(guarded, {
      fetch: fakeFetch({}),
      live: fakeLive().live,
      auth: signedInAs('aerolux', ['agent']),
    });
    expect(screen.queryByText('staff page')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your account is not allowed to see this page.');
  });

  it('asks a signed-out visitor to sign in', async () => {
    await renderPage(guarded, { fetch: fakeFetch({}), live: fakeLive().live, auth: signedOut });
    expect(screen.queryByText('staff page')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('the staff and admin pages in the app', () => {
  it('loads a page when first shown, and marks its place in the navigation', async () => {
    await showApp('/admin/staff', signedInAs('aerolux', ['tenant-admin']));

    expect(await screen.findByRole('heading', { level: 1, name: 'Staff of aerolux' })).toHaveFocus();
    const work = within(screen.getByRole('navigation', { name: 'Work' }));
    expect(work.getByRole('link', { name: 'Staff' })).toHaveAttribute('aria-current', 'page');
    expect(work.getByRole('link', { name: 'Airline tickets' })).not.toHaveAttribute('aria-current');
  });

  it.each([
    ['/staff/orders', 'Orders of aerolux'],
    ['/staff/payments', 'Payments of aerolux'],
  ])('opens %s to an agent', async (path, heading) => {
    await showApp(path, signedInAs('aerolux', ['agent']));

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(screen.queryByText('Your account is not allowed to see this page.')).not.toBeInTheDocument();
  });

  it('tells a person whose roles do not allow the page, under the page’s name', async () => {
    await showApp('/admin/staff', signedInAs('aerolux', ['agent']));

    expect(await screen.findByRole('heading', { level: 1, name: 'The airline’s staff' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your account is not allowed to see this page.');
  });

  it('asks a signed-out visitor to sign in first, and comes back to the same address', async () => {
    const auth = { ...signedOut, signIn: vi.fn(async () => undefined) };
    await showApp('/staff/orders?page=3', auth);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'The airline’s orders' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: 'Sign in' }).at(-1)!);

    expect(auth.signIn).toHaveBeenCalledWith('/staff/orders?page=3');
  });
});
