import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, LiveClient, streamUrl, type EventSourceLike, type LiveClientOptions } from './live';

/** An EventSource that the test drives: it records its address and lets the test send events. */
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

  /** A server-sent event: `event:` type, `data:` JSON, `id:` position. */
  send(type: string, body: unknown, id = ''): void {
    const event = new MessageEvent(type, { data: JSON.stringify(body), lastEventId: id });
    for (const listener of this.listeners.get(type) ?? []) listener(event as MessageEvent<string>);
  }

  /** The EventSource's own error: lost connection or refused. */
  fail(): void {
    const event = new Event('error') as MessageEvent<string>;
    for (const listener of this.listeners.get('error') ?? []) listener(event);
  }

  welcome(): void {
    this.send('welcome', {
      type: 'welcome',
      data: { connection: 'c1', channels: ['catalogue'], expiresAt: null },
    });
  }
}

function ticketHeld(position: string, ticketId = 't-1') {
  return {
    type: 'ticket.held',
    position,
    channel: 'catalogue',
    at: '2026-12-06T20:41:07Z',
    data: { ticketId, airline: 'aerolux' },
  };
}

function passAnswer(pass: string): Response {
  return new Response(JSON.stringify({ pass, expiresAt: '2026-12-06T21:00:00Z' }), {
    status: 201,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('LiveClient', () => {
  let sources: FakeEventSource[];
  let client: LiveClient | undefined;

  const latest = () => {
    const source = sources.at(-1);
    if (!source) throw new Error('no stream opened');
    return source;
  };

  function make(options: LiveClientOptions = {}): LiveClient {
    client = new LiveClient({
      eventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
      random: () => 0.5, // no jitter
      ...options,
    });
    return client;
  }

  beforeEach(() => {
    sources = [];
    vi.useFakeTimers();
  });

  afterEach(() => {
    client?.stop();
    client = undefined;
    vi.useRealTimers();
  });

  it('follows the public catalogue without a pass, with its filters in the address', async () => {
    const fetch = vi.fn();
    make({
      fetch,
      subscription: { channels: ['catalogue'], route: ['LUX-CDG'], date: ['2027-03-14'] },
    }).start();
    await vi.advanceTimersByTimeAsync(0);

    expect(fetch).not.toHaveBeenCalled();
    expect(latest().url).toBe('/api/live/stream?channel=catalogue&route=LUX-CDG&date=2027-03-14');
    expect(latest().query.has('pass')).toBe(false);
  });

  it('trades the access token for a pass and never puts the token in the address', async () => {
    const fetch = vi.fn().mockResolvedValue(passAnswer('pass-1'));
    make({
      fetch,
      getAccessToken: () => 'token-1',
      subscription: { channels: ['catalogue', 'orders'] },
    }).start();
    await vi.advanceTimersByTimeAsync(0);

    expect(fetch).toHaveBeenCalledWith('/api/live/passes', {
      method: 'POST',
      headers: { Authorization: 'Bearer token-1', Accept: 'application/json' },
    });
    expect(latest().query.getAll('channel')).toEqual(['catalogue', 'orders']);
    expect(latest().query.get('pass')).toBe('pass-1');
    expect(latest().url).not.toContain('token-1');
  });

  it('dispatches typed messages to every listener and remembers the last position', async () => {
    const onMessage = vi.fn();
    const listener = vi.fn();
    const live = make({ onMessage });
    live.subscribe(listener);
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    latest().welcome();

    latest().send('ticket.held', ticketHeld('p-1'), 'p-1');
    latest().send(
      'ticket.changed',
      {
        type: 'ticket.changed',
        position: 'p-2',
        channel: 'catalogue',
        at: '2026-12-06T20:42:00Z',
        data: { ticketId: 't-2', airline: 'aerolux', price: 99, previousPrice: 129, currency: 'EUR' },
      },
      'p-2',
    );

    expect(onMessage).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls.map(([message]) => message.type)).toEqual(['ticket.held', 'ticket.changed']);
    expect(listener.mock.calls[1]?.[0].data.previousPrice).toBe(129);
    expect(live.position).toBe('p-2');
    expect(live.status).toBe('open');
  });

  it('hands every airline-channel message to onAirlineMessage, the backbone’s own types included', async () => {
    const onAirlineMessage = vi.fn();
    const onMessage = vi.fn();
    const live = make({ onAirlineMessage, onMessage, subscription: { channels: ['airline:aerolux'] } });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    latest().welcome();

    const event = (type: string, position: string) => ({
      type,
      position,
      channel: 'airline:aerolux',
      at: '2026-12-06T20:42:00Z',
      data: { orderId: 'o-1', ticketId: 't-1', tenant: 'aerolux' },
    });
    latest().send('order.created', event('order.created', 'p-1'), 'p-1');
    latest().send('payment.succeeded', event('payment.succeeded', 'p-2'), 'p-2');
    latest().send('ticket.held', ticketHeld('p-3'), 'p-3');

    expect(onAirlineMessage.mock.calls.map(([message]) => message.type)).toEqual([
      'order.created',
      'payment.succeeded',
    ]);
    expect(onAirlineMessage.mock.calls[0]?.[0].channel).toBe('airline:aerolux');
    expect(live.position).toBe('p-3');
  });

  it('after goodbye token-expired, comes back at once with a fresh pass and the last position', async () => {
    let token = 'token-1';
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(passAnswer('pass-1'))
      .mockResolvedValueOnce(passAnswer('pass-2'));
    make({ fetch, getAccessToken: () => token, subscription: { channels: ['orders'] } }).start();
    await vi.advanceTimersByTimeAsync(0);
    const first = latest();
    first.welcome();
    first.send('ticket.held', ticketHeld('p-7'), 'p-7');

    token = 'token-2'; // the app renewed it meanwhile
    first.send('goodbye', { type: 'goodbye', data: { reason: 'token-expired' } });
    await vi.advanceTimersByTimeAsync(0);

    expect(first.closed).toBe(true);
    expect(sources).toHaveLength(2);
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/live/passes',
      expect.objectContaining({
        headers: expect.objectContaining({ Authorization: 'Bearer token-2' }),
      }),
    );
    expect(latest().query.get('pass')).toBe('pass-2');
    expect(latest().query.get('lastEventId')).toBe('p-7');
  });

  it('after goodbye shutting-down reconnects at once; after revoked it stops and says so', async () => {
    const onRevoked = vi.fn();
    make({ onRevoked }).start();
    await vi.advanceTimersByTimeAsync(0);
    latest().send('goodbye', { type: 'goodbye', data: { reason: 'shutting-down' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(sources).toHaveLength(2);

    latest().send('goodbye', { type: 'goodbye', data: { reason: 'revoked' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onRevoked).toHaveBeenCalledOnce();
    expect(sources).toHaveLength(2);
    expect(client?.status).toBe('stopped');
  });

  it('backs off exponentially after errors, and starts over once a connection is welcomed', async () => {
    const statuses: string[] = [];
    make({
      onStatus: (status) => statuses.push(status),
      backoff: { initialMs: 1_000, factor: 2, maxMs: 5_000 },
    }).start();
    await vi.advanceTimersByTimeAsync(0);

    latest().fail();
    expect(latest().closed).toBe(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(sources).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sources).toHaveLength(2);

    latest().fail();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sources).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sources).toHaveLength(3);

    latest().fail();
    await vi.advanceTimersByTimeAsync(4_000);
    latest().fail();
    await vi.advanceTimersByTimeAsync(5_000); // capped at maxMs
    expect(sources).toHaveLength(5);

    latest().welcome();
    latest().fail();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sources).toHaveLength(6);
    expect(statuses).toContain('waiting');
    expect(statuses).toContain('open');
  });

  it('comes back after an error with a fresh pass, not the one the browser would reuse', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(passAnswer('pass-1'))
      .mockResolvedValueOnce(passAnswer('pass-2'));
    make({ fetch, getAccessToken: () => 'token' }).start();
    await vi.advanceTimersByTimeAsync(0);
    latest().send('ticket.sold', { ...ticketHeld('p-3'), type: 'ticket.sold' }, 'p-3');
    latest().fail();
    await vi.advanceTimersByTimeAsync(1_000);

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(latest().query.get('pass')).toBe('pass-2');
    expect(latest().query.get('lastEventId')).toBe('p-3');
  });

  it('reports a refused pass and tries again later', async () => {
    const refusal = new Response(
      JSON.stringify({ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized' }),
      {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      },
    );
    const fetch = vi.fn().mockResolvedValueOnce(refusal).mockResolvedValueOnce(passAnswer('pass-2'));
    const onProblem = vi.fn();
    make({ fetch, getAccessToken: () => 'token', onProblem }).start();
    await vi.advanceTimersByTimeAsync(0);

    expect(onProblem).toHaveBeenCalledWith(expect.objectContaining({ code: 'UNAUTHORIZED' }));
    expect(sources).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(latest().query.get('pass')).toBe('pass-2');
  });

  it('hands a protocol error message to onProblem and keeps the stream open', async () => {
    const onProblem = vi.fn();
    make({ onProblem }).start();
    await vi.advanceTimersByTimeAsync(0);
    latest().send('error', { type: 'error', data: { status: 400, code: 'BAD_REQUEST', detail: 'x' } });
    await vi.advanceTimersByTimeAsync(10_000);

    expect(onProblem).toHaveBeenCalledWith(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(latest().closed).toBe(false);
    expect(sources).toHaveLength(1);
  });

  it('calls back on resync', async () => {
    const onResync = vi.fn();
    make({ onResync }).start();
    await vi.advanceTimersByTimeAsync(0);
    latest().send('resync', { type: 'resync', data: { after: 'p-0', reason: 'too-many-missed-messages' } });

    expect(onResync).toHaveBeenCalledWith({ after: 'p-0', reason: 'too-many-missed-messages' });
  });

  it('reconnects with new filters from the same position', async () => {
    const live = make({ subscription: { channels: ['catalogue'] } });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    latest().send('ticket.held', ticketHeld('p-9'), 'p-9');

    live.update({ channels: ['catalogue'], ticket: ['t-1'] });
    await vi.advanceTimersByTimeAsync(0);

    expect(sources[0]?.closed).toBe(true);
    expect(latest().query.get('ticket')).toBe('t-1');
    expect(latest().query.get('lastEventId')).toBe('p-9');
  });

  it('ignores what a closed stream still delivers and does not come back after stop', async () => {
    const onMessage = vi.fn();
    const live = make({ onMessage });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = latest();
    live.stop();

    first.send('ticket.held', ticketHeld('p-1'), 'p-1');
    first.fail();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(onMessage).not.toHaveBeenCalled();
    expect(first.closed).toBe(true);
    expect(sources).toHaveLength(1);
  });
});

describe('backoffDelay', () => {
  const options = { initialMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.2 };

  it('doubles up to the cap and spreads by the jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, options, () => 0.5))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(backoffDelay(1, options, () => 0)).toBe(800);
    expect(backoffDelay(1, options, () => 0.999_999)).toBe(1_200);
  });
});

describe('streamUrl', () => {
  it('encodes every filter, the pass and the position', () => {
    expect(
      streamUrl(
        'http://localhost:8080',
        { channels: ['catalogue'], airline: ['aerolux', 'boreal'] },
        'a+b/c',
        'p 1',
      ),
    ).toBe(
      'http://localhost:8080/api/live/stream?channel=catalogue&airline=aerolux&airline=boreal&pass=a%2Bb%2Fc&lastEventId=p+1',
    );
    expect(streamUrl('', {})).toBe('/api/live/stream');
  });
});
