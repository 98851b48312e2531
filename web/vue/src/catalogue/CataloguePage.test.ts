import type { Ticket, TicketPage } from '@airtix/web-shared/api';
import { screen, waitFor, within } from '@testing-library/vue';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage } from '../test/harness';
import CataloguePage from './CataloguePage.vue';

function ticket(id: string, departure: string, extra: Partial<Ticket> = {}): Ticket {
  return {
    id,
    airline: 'aerolux',
    flightNumber: `AX${id}`,
    origin: 'LUX',
    destination: 'CDG',
    departureTime: departure,
    cabin: 'ECONOMY',
    seat: `1${id}A`,
    price: 129,
    currency: 'EUR',
    status: 'AVAILABLE',
    version: 1,
    ...extra,
  };
}

const page = (items: Ticket[]): TicketPage => ({
  items,
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: 1,
});

const first = ticket('1', '2027-03-14T08:00:00Z');
const second = ticket('2', '2027-03-14T12:00:00Z');

function card(flight: string) {
  const heading = screen.getByRole('heading', { name: new RegExp(flight) });
  const article = heading.closest('article');
  if (!article) throw new Error(`no card for ${flight}`);
  return within(article);
}

async function showCatalogue(path = '/?origin=LUX&destination=CDG&date=2027-03-14') {
  const live = fakeLive();
  const fetch = fakeFetch({ '/api/tickets': page([first, second]) });
  const { router } = await renderPage(CataloguePage, { path, fetch, live: live.live });
  await screen.findByRole('heading', { name: /AX1/ });
  return { live, fetch, router };
}

const published = {
  ticketId: '3',
  airline: 'aerolux',
  flightNumber: 'AX3',
  origin: 'LUX',
  destination: 'CDG',
  departureTime: '2027-03-14T10:00:00Z',
  cabin: 'BUSINESS',
  seat: '2C',
  price: 450,
  currency: 'EUR',
  status: 'AVAILABLE',
};

describe('the catalogue’s price filter', () => {
  it('asks the tickets API for the price range in the address, in euros unless a currency is named', async () => {
    const { live, fetch } = await showCatalogue('/?minPrice=100&maxPrice=250.5');

    const query = new URL((fetch.mock.calls[0]?.[0] as Request).url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      minPrice: '100',
      maxPrice: '250.5',
      currency: 'EUR',
      page: '0',
      size: '20',
    });
    expect(live.followed.at(-1)).toEqual({});
    expect(screen.getByLabelText('Lowest price')).toHaveValue(100);
    expect(screen.getByLabelText('Highest price')).toHaveValue(250.5);
    expect(screen.getByLabelText('Currency')).toHaveValue('EUR');
    expect(screen.getByText('Prices in euros unless you name another currency.')).toBeInTheDocument();
  });

  it('searches with the prices and currency typed, keeps them in the address, and clears them', async () => {
    const { fetch, router } = await showCatalogue('/');
    const lastQuery = () => new URL((fetch.mock.calls.at(-1)?.[0] as Request).url).searchParams;

    const lowest = screen.getByLabelText('Lowest price');
    expect(lowest).toHaveAttribute('type', 'number');
    expect(lowest).toHaveAttribute('min', '0');
    expect(lowest).toHaveAttribute('step', '0.01');
    await userEvent.type(lowest, '100');
    await userEvent.type(screen.getByLabelText('Highest price'), '250.50');
    await userEvent.type(screen.getByLabelText('Currency'), 'usd');
    await userEvent.click(screen.getByRole('button', { name: 'Show tickets' }));

    await waitFor(() => expect(lastQuery().get('minPrice')).toBe('100'));
    expect(lastQuery().get('maxPrice')).toBe('250.5');
    expect(lastQuery().get('currency')).toBe('USD');
    expect(router.currentRoute.value.fullPath).toBe('/?minPrice=100&maxPrice=250.5&currency=USD');
    expect(screen.getByLabelText('Currency')).toHaveValue('USD');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastQuery().has('minPrice')).toBe(false));
    expect(router.currentRoute.value.fullPath).toBe('/');
    expect(screen.getByLabelText('Lowest price')).toHaveValue(null);
  });

  it('names euros in the address when a price is typed without a currency', async () => {
    const { fetch, router } = await showCatalogue('/?origin=LUX');

    await userEvent.type(screen.getByLabelText('Highest price'), '99.99');
    await userEvent.click(screen.getByRole('button', { name: 'Show tickets' }));

    await waitFor(() =>
      expect(router.currentRoute.value.fullPath).toBe('/?origin=LUX&maxPrice=99.99&currency=EUR'),
    );
    const query = new URL((fetch.mock.calls.at(-1)?.[0] as Request).url).searchParams;
    expect(query.get('maxPrice')).toBe('99.99');
    expect(query.get('currency')).toBe('EUR');
  });

  it('slots in a ticket published within the range only', async () => {
    const { live } = await showCatalogue('/?minPrice=100&maxPrice=200');

    await live.send({ type: 'ticket.published', data: published });
    await live.send({
      type: 'ticket.published',
      data: { ...published, ticketId: '4', flightNumber: 'AX4', price: 150 },
    });
    await live.send({
      type: 'ticket.published',
      data: { ...published, ticketId: '5', flightNumber: 'AX5', price: 150, currency: 'USD' },
    });

    expect(screen.queryByRole('heading', { name: /AX3/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /AX5/ })).not.toBeInTheDocument();
    expect(card('AX4').getByText('New')).toBeInTheDocument();
  });

  it('says which price field to correct when the API refuses the range', async () => {
    const fetch = fakeFetch({
      '/api/tickets': () =>
        json(
          {
            type: 'https://airtix.io/problems/validation',
            title: 'Validation failed',
            status: 400,
            code: 'VALIDATION',
            errors: [{ field: 'maxPrice', message: 'must not be less than minPrice' }],
          },
          400,
        ),
    });
    await renderPage(CataloguePage, { path: '/?minPrice=200&maxPrice=100', fetch, live: fakeLive().live });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Please check what you entered: Highest price must not be less than lowest price.',
    );
  });
});

describe('the catalogue, live', () => {
  it('asks the tickets API for the filters and page in the address, and follows the same on the stream', async () => {
    const { live, fetch } = await showCatalogue(
      '/?origin=LUX&destination=CDG&date=2027-03-14&airline=aerolux&page=2',
    );

    const request = fetch.mock.calls[0]?.[0] as Request;
    const query = new URL(request.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      airline: 'aerolux',
      origin: 'LUX',
      destination: 'CDG',
      date: '2027-03-14',
      page: '1',
      size: '20',
    });
    expect(live.followed.at(-1)).toEqual({ airline: ['aerolux'], route: ['LUX-CDG'], date: ['2027-03-14'] });
  });

  it('searches with the filters typed, codes in capitals, and clears them', async () => {
    const { live, fetch, router } = await showCatalogue('/');
    const lastQuery = () => new URL((fetch.mock.calls.at(-1)?.[0] as Request).url).searchParams;

    await userEvent.type(screen.getByLabelText('From'), 'lux');
    await userEvent.type(screen.getByLabelText('To'), 'cdg');
    await userEvent.click(screen.getByRole('button', { name: 'Show tickets' }));

    await waitFor(() => expect(lastQuery().get('origin')).toBe('LUX'));
    expect(lastQuery().get('destination')).toBe('CDG');
    expect(router.currentRoute.value.query).toEqual({ origin: 'LUX', destination: 'CDG' });
    expect(live.followed.at(-1)).toEqual({ route: ['LUX-CDG'] });
    expect(screen.getByLabelText('From')).toHaveValue('LUX');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastQuery().has('origin')).toBe(false));
    expect(screen.getByLabelText('From')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Clear filters' })).toHaveFocus();
  });

  it('marks a ticket held, released and sold as it happens', async () => {
    const { live } = await showCatalogue();
    expect(card('AX1').getByText('Available')).toBeInTheDocument();

    await live.send({ type: 'ticket.held', data: { ticketId: '1', airline: 'aerolux' } });
    expect(card('AX1').getByText('Held by a traveller')).toBeInTheDocument();
    expect(card('AX2').getByText('Available')).toBeInTheDocument();

    await live.send({ type: 'ticket.released', data: { ticketId: '1', airline: 'aerolux' } });
    expect(card('AX1').getByText('Available')).toBeInTheDocument();

    await live.send({ type: 'ticket.sold', data: { ticketId: '1', airline: 'aerolux' } });
    expect(card('AX1').getByText('Sold')).toBeInTheDocument();
    expect(card('AX1').queryByRole('link', { name: /reserve/ })).not.toBeInTheDocument();
  });

  it('shows a new price and what it was', async () => {
    const { live } = await showCatalogue();

    await live.send({
      type: 'ticket.changed',
      data: {
        ticketId: '2',
        airline: 'aerolux',
        flightNumber: 'AX2',
        origin: 'LUX',
        destination: 'CDG',
        departureTime: second.departureTime,
        cabin: 'ECONOMY',
        seat: '12A',
        price: 99,
        previousPrice: 129,
        currency: 'EUR',
        status: 'AVAILABLE',
      },
    });

    expect(card('AX2').getByText('€99.00')).toBeInTheDocument();
    expect(card('AX2').getByText('Price dropped from €129.00 to €99.00.')).toBeInTheDocument();
    expect(card('AX1').getByText('€129.00')).toBeInTheDocument();
  });

  it('adds a ticket published for these filters, in departure order, marked new', async () => {
    const { live } = await showCatalogue();
    const published = {
      ticketId: '3',
      airline: 'aerolux',
      flightNumber: 'AX3',
      origin: 'LUX',
      destination: 'CDG',
      departureTime: '2027-03-14T10:00:00Z',
      cabin: 'BUSINESS',
      seat: '2C',
      price: 450,
      currency: 'EUR',
      status: 'AVAILABLE',
    };

    await live.send({ type: 'ticket.published', data: published });
    await live.send({
      type: 'ticket.published',
      data: { ...published, ticketId: '4', flightNumber: 'AX4', destination: 'LIS' },
    });

    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings).toEqual([
      expect.stringContaining('AX1'),
      expect.stringContaining('AX3'),
      expect.stringContaining('AX2'),
    ]);
    expect(card('AX3').getByText('New')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 tickets found, 1 new since you opened the page');
  });

  it('marks a withdrawn ticket and leaves tickets of other pages alone', async () => {
    const { live } = await showCatalogue();

    await live.send({ type: 'ticket.withdrawn', data: { ticketId: '2', airline: 'aerolux' } });
    await live.send({ type: 'ticket.sold', data: { ticketId: 'elsewhere', airline: 'aerolux' } });

    expect(card('AX2').getByText('No longer on sale')).toBeInTheDocument();
    expect(card('AX2').queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('forgets its marks after a resync, when the refetched page is the truth', async () => {
    const { live } = await showCatalogue();
    await live.send({ type: 'ticket.held', data: { ticketId: '1', airline: 'aerolux' } });
    expect(card('AX1').getByText('Held by a traveller')).toBeInTheDocument();

    await live.resync();
    expect(card('AX1').getByText('Available')).toBeInTheDocument();
  });

  it('pages through the results by the address', async () => {
    const live = fakeLive();
    const fetch = fakeFetch({ '/api/tickets': { ...page([first, second]), totalItems: 45, totalPages: 3 } });
    const { router } = await renderPage(CataloguePage, { path: '/?origin=LUX', fetch, live: live.live });

    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));

    await waitFor(() => expect(router.currentRoute.value.query).toEqual({ origin: 'LUX', page: '2' }));
    const lastQuery = new URL((fetch.mock.calls.at(-1)?.[0] as Request).url).searchParams;
    expect(lastQuery.get('page')).toBe('1');
    expect(lastQuery.get('origin')).toBe('LUX');
  });
});
