import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedInAs } from '../test/harness';
import { page, requests, ticket } from './fixtures';
import { NewTicketPage } from './NewTicketPage';
import { StaffTicketsPage } from './StaffTicketsPage';

function show(answers: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch(answers);
  renderPage(<NewTicketPage />, {
    path: '/staff/tickets/new',
    route: '/staff/tickets/new',
    fetch,
    live: fakeLive().live,
    auth: signedInAs('aerolux', ['agent']),
    otherRoutes: { '/staff/tickets': <StaffTicketsPage /> },
  });
  return fetch;
}

async function fillIn() {
  await userEvent.type(screen.getByLabelText('Flight number'), 'ax101');
  await userEvent.type(screen.getByLabelText('Departure (UTC)'), '2027-03-14T06:45');
  await userEvent.type(screen.getByLabelText('From'), 'lux');
  await userEvent.type(screen.getByLabelText('To'), 'cdg');
  await userEvent.selectOptions(screen.getByLabelText('Cabin'), 'Business');
  await userEvent.type(screen.getByLabelText('Seat'), '2a');
  await userEvent.type(screen.getByLabelText('Price'), '129.50');
}

describe('a new ticket', () => {
  it('goes on sale for the person’s airline, and the list says so', async () => {
    const fetch = show({
      'POST /api/tickets': () => json({ ...ticket, cabin: 'BUSINESS', seat: '2A', price: 129.5 }, 201),
      'GET /api/tickets': page([ticket]),
    });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('New ticket of aerolux');

    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Put on sale' }));

    expect(await screen.findByText('AX101 LUX to CDG, seat 2A is on sale.')).toBeInTheDocument();
    const [created] = requests(fetch, 'POST');
    expect(await created?.json()).toEqual({
      airline: 'aerolux',
      flightNumber: 'AX101',
      origin: 'LUX',
      destination: 'CDG',
      departureTime: '2027-03-14T06:45:00Z',
      cabin: 'BUSINESS',
      seat: '2A',
      price: 129.5,
      currency: 'EUR',
    });
    expect(created?.headers.get('Authorization')).toBe('Bearer token');
  });

  it('names what is missing and sends nothing', async () => {
    const fetch = show({});
    await userEvent.type(await screen.findByLabelText('Flight number'), 'AX101');

    await userEvent.click(screen.getByRole('button', { name: 'Put on sale' }));

    expect(screen.getByRole('alert')).toHaveTextContent(
      'Please fill in: From, To, Departure (UTC), Seat, Price.',
    );
    expect(screen.getByLabelText('Seat')).toHaveAttribute('aria-invalid', 'true');
    expect(requests(fetch, 'POST')).toHaveLength(0);
  });

  it('shows the API’s validation problem in the form’s words', async () => {
    show({
      'POST /api/tickets': () =>
        json(
          {
            status: 400,
            code: 'VALIDATION',
            title: 'Validation failed',
            errors: [{ field: 'seat', message: 'must be a row and a letter' }],
          },
          400,
        ),
    });
    await screen.findByLabelText('Flight number');
    await fillIn();

    await userEvent.click(screen.getByRole('button', { name: 'Put on sale' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Please check what you entered: Seat must be a row and a letter.',
    );
  });
});
