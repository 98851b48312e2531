import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequireRole } from '../account/RequireRole';
import { may } from '../auth/access';
import { fakeFetch, fakeLive, renderPage, signedIn, signedInAs, signedOut } from '../test/harness';
import type { Auth } from '../auth/AuthProvider';
import { Layout } from './Layout';

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
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('TicketsMy orders');
  });

  it('offers nothing beyond the storefront to a signed-out visitor', () => {
    expect(workLinks(signedOut)).toEqual([]);
  });

  it('offers an agent the airline’s tickets only', () => {
    expect(workLinks(signedInAs('aerolux', ['agent']))).toEqual(['Airline tickets']);
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
