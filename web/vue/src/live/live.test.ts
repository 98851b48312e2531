import type { EventSourceLike, LiveMessage } from '@airtix/web-shared/live';
import { effectScope, nextTick, reactive } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_ACCESS, type Access } from '@airtix/web-shared/access';
import { QueryCache } from '../api/query';
import type { Auth } from '../auth/auth';
import { createLive } from './live';

class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  get query(): URLSearchParams {
    return new URL(this.url, 'http://localhost:8080').searchParams;
  }

  send(type: string, body: unknown): void {
    const event = new MessageEvent(type, { data: JSON.stringify(body) });
    for (const listener of this.listeners.get(type) ?? []) listener(event as MessageEvent<string>);
  }
}

const pass = () =>
  new Response(JSON.stringify({ pass: 'pass-1', expiresAt: '2026-12-06T21:00:00Z' }), {
    status: 201,
    headers: { 'Content-Type': 'application/json' },
  });

function setUp() {
  const auth = reactive({
    status: 'loading' as Auth['status'],
    name: undefined,
    access: NO_ACCESS as Access,
    getAccessToken: async () => (auth.status === 'signed-in' ? 'token' : null),
    signIn: vi.fn(async () => undefined),
    signUp: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
    forget: vi.fn(async () => undefined),
    completeSignIn: vi.fn(async () => ({ returnTo: '/', failed: false })),
  });
  const cache = new QueryCache({ staleTime: 0, retries: 0, gcTime: Infinity });
  const sources: FakeEventSource[] = [];
  const scope = effectScope();
  const live = scope.run(() =>
    createLive(auth, cache, {
      fetch: vi.fn(async () => pass()),
      eventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
    }),
  )!;
  const opened = async (count: number) => {
    await vi.waitFor(() => expect(sources).toHaveLength(count));
    return sources[count - 1]!;
  };
  stops.push(() => scope.stop());
  return { auth, cache, live, sources, opened };
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const held = (position: string, ticketId = 't-1') => ({
  type: 'ticket.held',
  position,
  channel: 'catalogue',
  at: '2026-12-06T20:41:07Z',
  data: { ticketId, airline: 'aerolux' },
});

describe('the app’s one live connection', () => {
  it('waits for the sign-in, then follows the catalogue alone for a signed-out person', async () => {
    const { auth, sources, opened } = setUp();
    await nextTick();
    expect(sources).toHaveLength(0);

    auth.status = 'signed-out';
    const source = await opened(1);
    expect(source.query.getAll('channel')).toEqual(['catalogue']);
    expect(source.query.has('pass')).toBe(false);
  });

  it('adds the person’s orders once signed in, from where the last connection was', async () => {
    const { auth, live, opened } = setUp();
    auth.status = 'signed-out';
    const first = await opened(1);
    const heard: LiveMessage[] = [];
    live.subscribe((message) => heard.push(message));
    first.send('ticket.held', held('p-7'));
    expect(heard.map((message) => message.position)).toEqual(['p-7']);

    auth.status = 'signed-in';
    const second = await opened(2);
    expect(first.closed).toBe(true);
    expect(second.query.getAll('channel')).toEqual(['catalogue', 'orders']);
    expect(second.query.get('pass')).toBe('pass-1');
    expect(second.query.get('lastEventId')).toBe('p-7');
  });

  it('narrows the stream to the filters a page follows, once per change', async () => {
    const { auth, live, sources, opened } = setUp();
    auth.status = 'signed-out';
    await opened(1);

    live.follow({ route: ['LUX-CDG'] });
    const narrowed = await opened(2);
    expect(narrowed.query.getAll('route')).toEqual(['LUX-CDG']);

    live.follow({ route: ['LUX-CDG'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sources).toHaveLength(2);
  });

  it('fetches a person’s orders again when an order message comes, and everything after a resync', async () => {
    const { auth, cache, live, opened } = setUp();
    auth.status = 'signed-in';
    const source = await opened(1);
    const invalidate = vi.spyOn(cache, 'invalidate');
    const resynced = vi.fn();
    live.onResync(resynced);

    source.send('order.expired', {
      type: 'order.expired',
      position: 'p-1',
      channel: 'orders',
      at: '2026-12-06T20:41:07Z',
      data: { orderId: 'o-1', ticketId: 't-1', airline: 'aerolux', reason: 'EXPIRED' },
    });
    expect(invalidate.mock.calls).toEqual([[['orders']], [['order', 'o-1']], [['payments']]]);

    source.send('resync', { type: 'resync', data: { after: 'p-0', reason: 'too-many-missed-messages' } });
    expect(invalidate).toHaveBeenLastCalledWith();
    expect(resynced).toHaveBeenCalledOnce();
  });

  it('says how the connection stands, and forgets the person when the server revokes them', async () => {
    const { auth, live, opened } = setUp();
    auth.status = 'signed-in';
    const source = await opened(1);
    expect(live.status).toBe('connecting');

    source.send('welcome', {
      type: 'welcome',
      data: { connection: 'c1', channels: ['catalogue'], expiresAt: null },
    });
    expect(live.status).toBe('open');

    source.send('goodbye', { type: 'goodbye', data: { reason: 'revoked' } });
    expect(auth.forget).toHaveBeenCalledOnce();
  });

  it('follows the airline’s channel of a member of staff besides the catalogue and the person’s orders', async () => {
    const { auth, opened } = setUp();
    auth.access = { platformAdmin: false, airlines: { aerolux: ['agent'] } };
    auth.status = 'signed-in';
    const source = await opened(1);
    expect(source.query.getAll('channel')).toEqual(['catalogue', 'orders', 'airline:aerolux']);
  });

  it('follows no airline for a customer, and one once the person’s roles say so', async () => {
    const { auth, opened } = setUp();
    auth.status = 'signed-in';
    const first = await opened(1);
    expect(first.query.getAll('channel')).toEqual(['catalogue', 'orders']);

    auth.access = { platformAdmin: false, airlines: { aerolux: ['auditor'] } };
    const second = await opened(2);
    expect(first.closed).toBe(true);
    expect(second.query.getAll('channel')).toEqual(['catalogue', 'orders', 'airline:aerolux']);
  });

  it('reloads the airline’s pages when its channel says something happened', async () => {
    const { auth, cache, opened } = setUp();
    auth.access = { platformAdmin: false, airlines: { aerolux: ['tenant-admin'] } };
    auth.status = 'signed-in';
    const source = await opened(1);
    const invalidate = vi.spyOn(cache, 'invalidate');

    source.send('order.created', {
      type: 'order.created',
      position: 'p-1',
      channel: 'airline:aerolux',
      at: '2026-12-06T21:00:00Z',
      data: { orderId: 'o-1', ticketId: 't-1' },
    });

    expect(invalidate).toHaveBeenCalledWith(['airline', 'aerolux']);
  });

  it('reloads the person’s orders and payments when a payment of theirs went through', async () => {
    const { auth, cache, opened } = setUp();
    auth.status = 'signed-in';
    const source = await opened(1);
    const invalidate = vi.spyOn(cache, 'invalidate');

    source.send('payment.succeeded', {
      type: 'payment.succeeded',
      position: 'p-2',
      channel: 'orders',
      at: '2026-12-06T21:00:00Z',
      data: { orderId: 'o-1', ticketId: 't-1' },
    });

    expect(invalidate).toHaveBeenCalledWith(['orders']);
    expect(invalidate).toHaveBeenCalledWith(['order', 'o-1']);
    expect(invalidate).toHaveBeenCalledWith(['payments']);
  });
});
