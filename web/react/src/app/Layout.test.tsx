import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequireRole } from '../account/RequireRole';
import { may } from '../auth/access';
import { page } from '../staff/fixtures';
import { fakeFetch, fakeLive, renderPage, signedIn, signedInAs, signedOut } from '../test/harness';
import type { Auth } from '../auth/AuthProvider';
import { Layout } from './Layout';
import { AppRoutes } from './routes';

function workLinks(auth: Auth): string[] {
  renderPage(<Layout />, { fetch: fakeFetch({}), live: fakeLive().live, auth });
  const work = screen.queryByRole('navigation', { name: 'Work' });
  return work
    ? within(work)
        .getAllByRole('link')
        .map((link) => link.textContent ?? '')
    : [];
}

describe('the navigation', () => {
  it('offers customers and signed-out visitors the storefront only', () => {
    expect(workLinks(signedIn)).toEqual([]);
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('TicketsMy ordersMy payments');
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
});

describe('a page for some roles only', () => {
  const guarded = (
    <RequireRole title="The airline’s staff" allowed={may.manageStaff}>
      <p>staff page</p>
    </RequireRole>
  );

  it('is shown to those roles', () => {
    renderPage(guarded, {
      fetch: fakeFetch({}),
      live: fakeLive().live,
      auth: signedInAs('aerolux', ['tenant-admin']),
    });
    expect(screen.getByText('staff page')).toBeInTheDocument();
  });

  it('tells anybody else they may not see it', () => {
    renderPage(guarded, {
      fetch: fakeFetch({}),
      live: fakeLive().live,
      auth: signedInAs('aerolux', ['agent']),
    });
    expect(screen.queryByText('staff page')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your account is not allowed to see this page.');
  });

  it('asks a signed-out visitor to sign in', () => {
    renderPage(guarded, { fetch: fakeFetch({}), live: fakeLive().live, auth: signedOut });
    expect(screen.queryByText('staff page')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('the airline’s orders and payments in the app', () => {
  function showApp(path: string) {
    renderPage(<AppRoutes />, {
      path,
      route: '/*',
      fetch: fakeFetch({
        'GET /api/airlines/aerolux/orders': page([]),
        'GET /api/airlines/aerolux/payments': page([]),
      }),
      live: fakeLive().live,
      auth: signedInAs('aerolux', ['agent']),
    });
  }

  it.each([
    ['/staff/orders', 'Orders of aerolux'],
    ['/staff/payments', 'Payments of aerolux'],
  ])('open %s to an agent', async (path, heading) => {
    showApp(path);

    expect(
      await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Your account is not allowed to see this page.')).not.toBeInTheDocument();
  });

  it('still keep the airline’s staff from an agent', () => {
    showApp('/admin/staff');

    expect(screen.getByRole('heading', { level: 1, name: 'The airline’s staff' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your account is not allowed to see this page.');
  });
});
