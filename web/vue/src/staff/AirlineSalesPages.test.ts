import type { Order, Payment } from '@airtix/web-shared/api';
import { screen, within } from '@testing-library/vue';
import userEvent from '@testing-library/user-event';
import type { Component } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedInAs } from '../test/harness';
import AirlineOrdersPage from './AirlineOrdersPage.vue';
import AirlinePaymentsPage from './AirlinePaymentsPage.vue';
import { page, requests } from './fixtures';

const order: Order = {
  id: 'o-1',
  ticketId: 't-1',
  airline: 'aerolux',
  customerId: 'c-1',
  price: 129,
  currency: 'EUR',
  status: 'COMPLETED',
  cancellationReason: null,
  createdAt: '2026-12-06T21:00:00Z',
  expiresAt: '2026-12-06T21:15:00Z',
  refunded: false,
  refundedAt: null,
  version: 2,
};

const payment: Payment = {
  id: 'p-1',
  orderId: 'o-1',
  airline: 'aerolux',
  customerId: 'c-1',
  amount: 129,
  currency: 'EUR',
  status: 'FAILED',
  provider: 'simulated',
  simulated: true,
  intentId: null,
  clientSecret: null,
  attempt: 2,
  failureReason: 'card_declined',
  chargeId: null,
  refundId: null,
  createdAt: '2026-12-06T21:01:00Z',
  updatedAt: '2026-12-06T21:02:00Z',
  version: 1,
};

const forbidden = () => json({ status: 403, code: 'FORBIDDEN', title: 'Forbidden', detail: 'x' }, 403);

async function show(shown: Component, answers: Parameters<typeof fakeFetch>[0], path = '/staff/orders') {
  const fetch = fakeFetch(answers);
  const rendered = await renderPage(shown, {
    path,
    route: path.split('?')[0],
    fetch,
    live: fakeLive().live,
    auth: signedInAs('aerolux', ['auditor']),
  });
  return { fetch, ...rendered };
}

describe('the airline’s orders', () => {
  it('shows them in a table, status in words', async () => {
    await show(AirlineOrdersPage, { 'GET /api/airlines/aerolux/orders': page([order]) });

    const table = await screen.findByRole('table', { name: 'Orders of aerolux, newest first' });
    const [, row] = within(table).getAllByRole('row');
    expect(row).toHaveTextContent('6 Dec 2026, 21:00 UTC');
    expect(row).toHaveTextContent('c-1');
    expect(row).toHaveTextContent('€129.00');
    expect(row).toHaveTextContent('Booked');
  });

  it('pages by the address', async () => {
    const { fetch, router } = await show(AirlineOrdersPage, {
      'GET /api/airlines/aerolux/orders': { ...page([order]), totalItems: 21, totalPages: 2 },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));

    expect(router.currentRoute.value.fullPath).toBe('/staff/orders?page=2');
    await vi.waitFor(() => expect(requests(fetch, 'GET')).toHaveLength(2));
    expect(new URL(requests(fetch, 'GET')[1]!.url).searchParams.get('page')).toBe('1');
  });

  it('says in a sentence that the account may not see them', async () => {
    await show(AirlineOrdersPage, { 'GET /api/airlines/aerolux/orders': forbidden });

    expect(await screen.findByRole('alert')).toHaveTextContent('Your account is not allowed to do this.');
  });
});

describe('the airline’s payments', () => {
  it('shows them in a table, with why one failed', async () => {
    await show(
      AirlinePaymentsPage,
      { 'GET /api/airlines/aerolux/payments': page([payment]) },
      '/staff/payments',
    );

    const table = await screen.findByRole('table', { name: 'Payments of aerolux, newest first' });
    const [, row] = within(table).getAllByRole('row');
    expect(row).toHaveTextContent('Failed');
    expect(row).toHaveTextContent('card_declined');
    expect(row).toHaveTextContent('simulated');
  });

  it('says in a sentence that the account may not see them', async () => {
    await show(AirlinePaymentsPage, { 'GET /api/airlines/aerolux/payments': forbidden }, '/staff/payments');

    expect(await screen.findByRole('alert')).toHaveTextContent('Your account is not allowed to do this.');
  });
});
