/**
 * The live-updates client (docs/live-updates.md): one Server-Sent Events stream on /api/live/stream, framework
 * free, used by the three storefronts.
 *
 * - signed in: trades the current access token for a pass (POST /api/live/passes) before every connection, since
 *   an EventSource cannot send headers and a token never goes into an address;
 * - dispatches the protocol's messages, typed by their `type`;
 * - remembers the last position and comes back with it (`lastEventId`), so nothing is missed across reconnects;
 * - reconnects itself, with a fresh pass: at once after `goodbye` `shutting-down` / `token-expired` /
 *   `too-slow`, with exponential backoff and jitter after errors;
 * - `resync` calls back: the caller reloads what it shows, then keeps following.
 *
 * The browser's own EventSource reconnection is never relied on: it would come back with a pass that may have
 * expired, so every error closes the stream and this client decides.
 */
import type { Problem } from './problems';

/** A ticket as catalogue messages carry it. */
export interface LiveTicket {
  ticketId: string;
  airline: string;
  flightNumber: string;
  origin: string;
  destination: string;
  departureTime: string;
  cabin: string;
  seat: string;
  price: number;
  currency: string;
  status: 'AVAILABLE' | 'RESERVED' | 'SOLD' | string;
}

export interface TicketRef {
  ticketId: string;
  airline: string;
}

export interface OrderRef extends TicketRef {
  orderId: string;
}

/** What each message type carries in `data` (the protocol's table "Messages"). */
export interface LiveMessageData {
  'ticket.published': LiveTicket;
  'ticket.changed': LiveTicket & { previousPrice?: number };
  'ticket.withdrawn': TicketRef;
  'ticket.held': TicketRef;
  'ticket.released': TicketRef;
  'ticket.sold': TicketRef;
  'order.held': OrderRef & { price: number; currency: string; expiresAt: string };
  'order.hold-ending': OrderRef & { expiresAt: string };
  'order.expired': OrderRef & { reason: 'EXPIRED' | 'UNPAID' | string };
  'order.cancelled': OrderRef & { reason: 'CUSTOMER' | string };
  'order.awaiting-payment': OrderRef & { paymentId: string };
  'payment.failed': OrderRef & { paymentId: string };
  'payment.succeeded': OrderRef;
  'order.refunded': OrderRef & { paymentId: string; refundId: string };
}

export type LiveMessageType = keyof LiveMessageData;

/** A message with a position: about tickets, orders and payments. */
export type LiveMessage = {
  [K in LiveMessageType]: {
    type: K;
    position: string;
    channel: string;
    at: string;
    data: LiveMessageData[K];
  };
}[LiveMessageType];

export const LIVE_MESSAGE_TYPES: readonly LiveMessageType[] = [
  'ticket.published',
  'ticket.changed',
  'ticket.withdrawn',
  'ticket.held',
  'ticket.released',
  'ticket.sold',
  'order.held',
  'order.hold-ending',
  'order.expired',
  'order.cancelled',
  'order.awaiting-payment',
  'payment.failed',
  'payment.succeeded',
  'order.refunded',
];

/**
 * What the `airline:<id>` channel carries to an airline's staff: the backbone's own event types, with the
 * event's payload as `data`. A few share a name with a customer's message; the channel tells them apart.
 */
export const AIRLINE_MESSAGE_TYPES: readonly string[] = [
  'ticket.created',
  'ticket.updated',
  'ticket.deleted',
  'order.created',
  'order.cancelled',
  'order.completed',
  'order.awaiting-payment',
  'order.expired',
  'order.payment-failed',
  'order.refunded',
  'payment.started',
  'payment.succeeded',
  'payment.failed',
  'payment.refunded',
  'staff.changed',
];

/** A message on an `airline:<id>` channel; its payload is the backbone event's, not typed here. */
export interface AirlineMessage {
  type: string;
  position: string;
  channel: string;
  at: string;
  data: Record<string, unknown>;
}

export type GoodbyeReason = 'revoked' | 'token-expired' | 'too-slow' | 'shutting-down' | string;

export interface Resync {
  after: string | null;
  reason: 'position-unknown' | 'too-many-missed-messages' | string;
}

/** Channels and filters of one subscription; each filter may hold several values (any of them). */
export interface LiveSubscription {
  /** `catalogue` (default), `orders` (signed in), `airline:<id>` (staff). */
  channels?: string[];
  airline?: string[];
  ticket?: string[];
  /** `LUX-CDG` */
  route?: string[];
  /** the departure's day, UTC: `2027-03-14` */
  date?: string[];
}

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'waiting' | 'stopped';

/** The part of the browser's EventSource this client uses: tests pass a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export interface BackoffOptions {
  /** first wait after an error, ms */
  initialMs: number;
  /** longest wait, ms */
  maxMs: number;
  /** each further error multiplies the wait by this */
  factor: number;
  /** ± share of the wait drawn at random, so many clients do not come back at the same instant */
  jitter: number;
}

export interface LiveClientOptions {
  /** Where the gateway answers; '' (default) is the page's own origin. */
  baseUrl?: string;
  /** The current access token, or null when nobody is signed in: asked before every connection. */
  getAccessToken?: () => string | null | undefined | Promise<string | null | undefined>;
  subscription?: LiveSubscription;
  /** Where to start: a position kept from an earlier client. */
  after?: string;
  onMessage?: (message: LiveMessage) => void;
  /** Every message on an `airline:<id>` channel (staff), whatever its type. */
  onAirlineMessage?: (message: AirlineMessage) => void;
  /** The position was unknown or too much was missed: reload what is shown, then keep following. */
  onResync?: (resync: Resync) => void;
  onStatus?: (status: LiveStatus) => void;
  /** An `error` message, a refused pass or stream: a problem the app may show or log. */
  onProblem?: (problem: Problem) => void;
  /**
   * The person signed out, was banned or lost their rights (`goodbye` `revoked`). The client stops: the app
   * signs the person out and starts an anonymous client if it wants the public catalogue.
   */
  onRevoked?: () => void;
  fetch?: typeof fetch;
  eventSource?: EventSourceFactory;
  backoff?: Partial<BackoffOptions>;
  /** 0 ≤ x < 1; tests pass a fixed one. */
  random?: () => number;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.2 };

/** The wait before the attempt that follows `failures` failed attempts in a row. */
export function backoffDelay(failures: number, options: BackoffOptions, random: () => number): number {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, failures - 1));
  const spread = base * options.jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(base + spread));
}

/** The stream's address for a subscription, a pass and a position. */
export function streamUrl(
  baseUrl: string,
  subscription: LiveSubscription,
  pass?: string | null,
  after?: string | null,
): string {
  const query = new URLSearchParams();
  for (const channel of subscription.channels ?? []) query.append('channel', channel);
  for (const key of ['airline', 'ticket', 'route', 'date'] as const) {
    for (const value of subscription[key] ?? []) query.append(key, value);
  }
  if (pass) query.append('pass', pass);
  if (after) query.append('lastEventId', after);
  const text = query.toString();
  return `${baseUrl}/api/live/stream${text ? `?${text}` : ''}`;
}

function parse(event: MessageEvent<string>): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(event.data);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export class LiveClient {
  private readonly options: LiveClientOptions;
  private readonly backoff: BackoffOptions;
  private subscriptionValue: LiveSubscription;
  private readonly listeners = new Set<(message: LiveMessage) => void>();
  private source: EventSourceLike | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every (re)connection and stop: late answers of an older attempt are dropped. */
  private generation = 0;
  private failures = 0;
  private running = false;
  private lastPosition: string | undefined;
  private statusValue: LiveStatus = 'idle';

  constructor(options: LiveClientOptions = {}) {
    this.options = options;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.subscriptionValue = options.subscription ?? {};
    this.lastPosition = options.after;
  }

  /** The last position seen: what a new client may start after. */
  get position(): string | undefined {
    return this.lastPosition;
  }

  get status(): LiveStatus {
    return this.statusValue;
  }

  get subscription(): LiveSubscription {
    return this.subscriptionValue;
  }

  /** Listens to every message with a position; returns what stops listening. */
  subscribe(listener: (message: LiveMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    this.clearTimer();
    this.closeSource();
    this.setStatus('stopped');
  }

  /** New channels or filters: reconnects at once, from the last position. */
  update(subscription: LiveSubscription): void {
    this.subscriptionValue = subscription;
    if (this.running) this.reconnectNow();
  }

  /** Reconnects at once with a fresh pass: after a sign-in, or when the token was renewed early. */
  reconnectNow(): void {
    if (!this.running) return;
    this.clearTimer();
    this.closeSource();
    void this.connect();
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.setStatus('connecting');
    let pass: string | null = null;
    try {
      pass = await this.pass();
    } catch (failure) {
      if (generation !== this.generation) return;
      if (isProblemFailure(failure)) this.options.onProblem?.(failure.problem);
      this.retryLater();
      return;
    }
    if (generation !== this.generation || !this.running) return;
    const factory = this.options.eventSource ?? ((url: string) => new EventSource(url) as EventSourceLike);
    const source = factory(
      streamUrl(this.options.baseUrl ?? '', this.subscriptionValue, pass, this.lastPosition),
    );
    this.source = source;
    this.listen(source, generation);
  }

  /** A pass for the current token, or null when nobody is signed in. */
  private async pass(): Promise<string | null> {
    const token = await this.options.getAccessToken?.();
    if (!token) return null;
    const fetcher = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const response = await fetcher(`${this.options.baseUrl ?? ''}/api/live/passes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    if (response.status !== 201 && response.status !== 200) {
      let problem: Problem = { status: response.status, title: 'No pass' };
      try {
        problem = (await response.json()) as Problem;
      } catch {
        // not a problem document: keep the status
      }
      throw new ProblemFailure(problem);
    }
    const body = (await response.json()) as { pass?: string };
    if (!body.pass) throw new ProblemFailure({ status: response.status, title: 'No pass in the answer' });
    return body.pass;
  }

  private listen(source: EventSourceLike, generation: number): void {
    const current = () => generation === this.generation && this.source === source;

    source.addEventListener('welcome', () => {
      if (!current()) return;
      this.failures = 0;
      this.setStatus('open');
    });
    for (const type of LIVE_MESSAGE_TYPES) {
      source.addEventListener(type, (event) => {
        if (!current()) return;
        const message = parse(event);
        if (!message) return;
        const position = (message.position as string | undefined) ?? event.lastEventId;
        if (position) this.lastPosition = position;
        this.dispatch({ ...message, type, position } as LiveMessage);
        this.dispatchAirline(message, type, position);
      });
    }
    for (const type of AIRLINE_MESSAGE_TYPES) {
      // the shared names are heard above already: one listener per type, so one call per message
      if ((LIVE_MESSAGE_TYPES as readonly string[]).includes(type)) continue;
      source.addEventListener(type, (event) => {
        if (!current()) return;
        const message = parse(event);
        if (!message) return;
        const position = (message.position as string | undefined) ?? event.lastEventId;
        if (position) this.lastPosition = position;
        this.dispatchAirline(message, type, position);
      });
    }
    source.addEventListener('resync', (event) => {
      if (!current()) return;
      const data = (parse(event)?.data ?? {}) as Partial<Resync>;
      this.options.onResync?.({ after: data.after ?? null, reason: data.reason ?? 'position-unknown' });
    });
    source.addEventListener('error', (event) => {
      if (!current()) return;
      if (typeof (event as Partial<MessageEvent<string>>).data === 'string') {
        // the protocol's `error` message: a problem; the stream stays open
        const problem = parse(event)?.data as Problem | undefined;
        if (problem) this.options.onProblem?.(problem);
        return;
      }
      // the EventSource's own error: closed by the server, refused (401/403/400), or the network. Never let
      // the EventSource retry by itself with a pass that may have expired
      this.closeSource();
      this.retryLater();
    });
    source.addEventListener('goodbye', (event) => {
      if (!current()) return;
      const reason = ((parse(event)?.data ?? {}) as { reason?: GoodbyeReason }).reason ?? 'shutting-down';
      this.closeSource();
      if (reason === 'revoked') {
        this.stop();
        this.options.onRevoked?.();
        return;
      }
      // shutting-down: another instance answers; token-expired: a fresh pass from the renewed token;
      // too-slow: come back with the position
      void this.connect();
    });
  }

  private retryLater(): void {
    if (!this.running) return;
    this.failures++;
    this.setStatus('waiting');
    const delay = backoffDelay(this.failures, this.backoff, this.options.random ?? Math.random);
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, delay);
  }

  private dispatch(message: LiveMessage): void {
    this.options.onMessage?.(message);
    for (const listener of [...this.listeners]) listener(message);
  }

  private dispatchAirline(message: Record<string, unknown>, type: string, position: string): void {
    const channel = message.channel;
    if (typeof channel !== 'string' || !channel.startsWith('airline:')) return;
    this.options.onAirlineMessage?.({ ...message, type, position, channel } as AirlineMessage);
  }

  private closeSource(): void {
    const source = this.source;
    this.source = undefined;
    source?.close();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setStatus(status: LiveStatus): void {
    if (this.statusValue === status) return;
    this.statusValue = status;
    this.options.onStatus?.(status);
  }
}

class ProblemFailure extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title ?? 'Live updates refused');
  }
}

function isProblemFailure(value: unknown): value is ProblemFailure {
  return value instanceof ProblemFailure;
}
