import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authContext } from '../auth/auth.svelte';
import { BASE, signedIn, signedOut } from '../test/harness';
import Stub from '../test/Stub.svelte';
import Layout from './Layout.svelte';
import { matchPath, matchRoute, Router, routerContext, type Route } from './router.svelte';
import RouterView from './RouterView.svelte';

const routes: Route[] = [
  { path: '/', component: Stub, props: { text: 'catalogue' } },
  { path: '/tickets/:ticketId', component: Stub, props: { text: 'ticket' } },
  { path: '/orders', component: Stub, props: { text: 'my orders' }, signIn: 'My orders' },
  { path: '/orders/:orderId/completed', component: Stub, props: { text: 'booking' } },
  { path: '*', component: Stub, props: { text: 'not found' } },
];

describe('matching paths', () => {
  it('takes the parameters out of the path, decoded', () => {
    expect(matchPath('/tickets/:ticketId', '/tickets/t%201')).toEqual({ ticketId: 't 1' });
    expect(matchPath('/orders/:orderId/completed', '/orders/o-1/completed')).toEqual({ orderId: 'o-1' });
    expect(matchPath('/', '/')).toEqual({});
  });

  it('refuses other lengths, other words and bad escapes', () => {
    expect(matchPath('/tickets/:ticketId', '/tickets')).toBeUndefined();
    expect(matchPath('/tickets/:ticketId', '/tickets/1/more')).toBeUndefined();
    expect(matchPath('/orders/:orderId/completed', '/orders/o-1/cancelled')).toBeUndefined();
    expect(matchPath('/tickets/:ticketId', '/tickets/%E0%A4%A')).toBeUndefined();
    expect(matchPath('/', '/orders')).toBeUndefined();
  });

  it('takes the first route that fits, `*` last', () => {
    expect(matchRoute(routes, '/orders')?.route.props).toEqual({ text: 'my orders' });
    expect(matchRoute(routes, '/nowhere/at/all')?.route.path).toBe('*');
    expect(matchRoute(routes, '/tickets/1')?.key).not.toBe(matchRoute(routes, '/tickets/2')?.key);
  });
});

describe('the router', () => {
  let outside: string[];
  let stops: (() => void)[];
  const started = (router: Router) => {
    stops.push(router.start());
    return router;
  };
  const recordUnhandled = (event: MouseEvent) => {
    // what the router let through would load another page; jsdom cannot, so the test stops it and notes it
    if (!event.defaultPrevented) {
      outside.push((event.target as Element).closest('a')?.getAttribute('href') ?? '');
      event.preventDefault();
    }
  };

  beforeEach(() => {
    outside = [];
    stops = [];
    window.history.replaceState(null, '', `${BASE}/`);
    window.addEventListener('click', recordUnhandled);
  });

  afterEach(() => {
    window.removeEventListener('click', recordUnhandled);
    for (const stop of stops) stop();
    document.body.innerHTML = '';
  });

  function link(href: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.textContent = href;
    for (const [name, value] of Object.entries(attributes)) anchor.setAttribute(name, value);
    document.body.append(anchor);
    return anchor;
  }

  it('reads the path inside its base and the query from the address', () => {
    window.history.replaceState(null, '', `${BASE}/tickets/t-1?from=mail`);
    const router = new Router('/svelte/');

    expect(router.path).toBe('/tickets/t-1');
    expect(router.query.get('from')).toBe('mail');
    expect(router.href('/orders')).toBe('/svelte/orders');
  });

  it('navigates by adding a history entry, or replacing the current one', () => {
    const router = new Router(BASE);
    const entries = window.history.length;

    router.navigate('/orders?page=2');
    expect(window.location.pathname).toBe('/svelte/orders');
    expect(router.path).toBe('/orders');
    expect(router.query.get('page')).toBe('2');
    expect(window.history.length).toBe(entries + 1);

    router.navigate('/tickets/t-1', { replace: true });
    expect(router.path).toBe('/tickets/t-1');
    expect(router.search).toBe('');
    expect(window.history.length).toBe(entries + 1);
  });

  it('sets the query of the page shown, and drops an empty one', () => {
    const router = new Router(BASE);
    router.navigate('/tickets');

    router.setQuery({ origin: 'LUX', page: '2' });
    expect(window.location.href).toMatch(/\/svelte\/tickets\?origin=LUX&page=2$/);

    router.setQuery({});
    expect(window.location.href).toMatch(/\/svelte\/tickets$/);
  });

  it('follows back and forward', async () => {
    const router = started(new Router(BASE));
    router.navigate('/orders');

    window.history.back();

    await waitFor(() => expect(router.path).toBe('/'));
  });

  it('follows links under its base without loading a page, and leaves every other link to the browser', () => {
    const router = new Router(BASE);
    const stop = router.start();
    stops.push(stop);

    link('/svelte/tickets/t-1?from=list').click();
    expect(router.path).toBe('/tickets/t-1');
    expect(router.query.get('from')).toBe('list');

    for (const href of ['/react/', 'http://example.com/svelte/orders', '/svelte-other']) link(href).click();
    link('/svelte/orders', { target: '_blank' }).click();
    link('/svelte/orders', { download: '' }).click();
    link('/svelte/orders').dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }),
    );
    link('#main').click();

    expect(router.path).toBe('/tickets/t-1');
    expect(outside).toEqual([
      '/react/',
      'http://example.com/svelte/orders',
      '/svelte-other',
      '/svelte/orders',
      '/svelte/orders',
      '/svelte/orders',
      '#main',
    ]);

    stop();
    link('/svelte/orders').click();
    expect(router.path).toBe('/tickets/t-1');
  });

  it('knows the page shown, for the navigation', () => {
    const router = new Router(BASE);
    router.navigate('/orders/o-1/completed');

    expect(router.isCurrent('/orders')).toBe(true);
    expect(router.isCurrent('/', true)).toBe(false);
    expect(router.isCurrent('/orders/o', false)).toBe(false);
  });
});

describe('the pages of the app', () => {
  function show(path: string, auth = signedIn) {
    window.history.replaceState(null, '', `${BASE}${path}`);
    const router = new Router(BASE);
    const context = new Map<unknown, unknown>([routerContext(router), authContext(auth)]);
    render(Layout, { props: { routes }, context });
    return router;
  }

  it('shows the page of the path, with its parameters', () => {
    show('/tickets/t-1');

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('ticket ticketId=t-1');
  });

  it('says when a page does not exist', () => {
    show('/nowhere');

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('not found');
  });

  it('asks for a sign-in on a guarded page, and brings the person back', async () => {
    show('/orders?page=2', signedOut);

    expect(screen.getByRole('heading', { level: 1, name: 'My orders' })).toBeInTheDocument();
    await userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Sign in' }));
    expect(signedOut.signIn).toHaveBeenCalledWith('/orders?page=2');
  });

  it('moves the focus to the new page’s heading after following a link, and marks the place in the navigation', async () => {
    show('/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(screen.getByRole('link', { name: 'Tickets' })).toHaveAttribute('aria-current', 'page');

    await userEvent.click(screen.getByRole('link', { name: 'My orders' }));

    expect(window.location.pathname).toBe('/svelte/orders');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('my orders');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(nav.querySelector('[aria-current="page"]')).toHaveTextContent('My orders');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
  });

  it('keeps the page when only its query changes, and makes a new one for another path', () => {
    const router = show('/');
    const heading = screen.getByRole('heading', { level: 1 });

    router.setQuery({ origin: 'LUX' });
    flushSync();
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);

    router.navigate('/tickets/t-1');
    flushSync();
    expect(screen.getByRole('heading', { level: 1 })).not.toBe(heading);
  });

  it('renders a route table without a page for the path as nothing', () => {
    window.history.replaceState(null, '', `${BASE}/elsewhere`);
    const router = new Router(BASE);
    const { container } = render(RouterView, {
      props: { router, routes: routes.slice(0, 1) },
      context: new Map([routerContext(router)]),
    });

    expect(container).toHaveTextContent('');
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });
});
