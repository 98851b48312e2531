import { getContext, setContext, untrack } from 'svelte';

/** What identifies what was fetched: `['ticket', id]`; invalidation goes by prefix (`['orders']`). */
export type QueryKey = readonly unknown[];
export type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

export interface QueryCacheOptions {
  /** How long an answer counts as fresh: a page shown again within it does not fetch again. */
  staleTimeMs?: number;
  /** Further attempts after a failure that may pass (network, 5xx); 4xx answers are final. */
  retries?: number;
  retryDelayMs?: number;
}

function hashOf(key: QueryKey): string {
  return JSON.stringify(key);
}

function startsWith(key: QueryKey, prefix: QueryKey): boolean {
  return prefix.every((part, index) => JSON.stringify(part) === JSON.stringify(key[index]));
}

function mayPass(error: unknown): boolean {
  const status = (error as { status?: number } | undefined)?.status;
  return status === undefined || status >= 500;
}

/** One fetched thing, shared by every page showing it. */
export class CachedQuery<T> {
  readonly key: QueryKey;
  data = $state.raw<T | undefined>(undefined);
  error = $state.raw<unknown>(undefined);
  failed = $state(false);
  fetching = $state(false);
  fetcher: Fetcher<T> | undefined;
  stale = true;
  updatedAt = 0;
  observers = 0;
  /** Bumped by every fetch: the answer of an older one is dropped. */
  run = 0;
  controller: AbortController | undefined;

  constructor(key: QueryKey) {
    this.key = key;
  }
}

/**
 * Server state for the app: answers by key, fetched when a page shows them, fetched again when invalidated
 * while shown (live messages, a resync) and written directly after a change the page made itself.
 */
export class QueryCache {
  private readonly entries = new Map<string, CachedQuery<unknown>>();
  private readonly staleTimeMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor({ staleTimeMs = 30_000, retries = 2, retryDelayMs = 1_000 }: QueryCacheOptions = {}) {
    this.staleTimeMs = staleTimeMs;
    this.retries = retries;
    this.retryDelayMs = retryDelayMs;
  }

  entry<T>(key: QueryKey, fetcher?: Fetcher<T>): CachedQuery<T> {
    const hash = hashOf(key);
    let entry = this.entries.get(hash) as CachedQuery<T> | undefined;
    if (!entry) {
      entry = new CachedQuery<T>(key);
      this.entries.set(hash, entry as CachedQuery<unknown>);
    }
    if (fetcher) entry.fetcher = fetcher;
    return entry;
  }

  /** A page shows the entry: fetch it unless a fresh answer is there or on its way; returns what stops observing. */
  observe<T>(entry: CachedQuery<T>): () => void {
    entry.observers++;
    const fresh = !entry.stale && Date.now() - entry.updatedAt <= this.staleTimeMs;
    if (!fresh && !entry.fetching) void this.fetch(entry);
    return () => {
      entry.observers--;
    };
  }

  async fetch<T>(entry: CachedQuery<T>): Promise<void> {
    const fetcher = entry.fetcher;
    if (!fetcher) return;
    entry.controller?.abort();
    const controller = new AbortController();
    entry.controller = controller;
    const run = ++entry.run;
    entry.stale = false;
    entry.fetching = true;
    for (let attempt = 0; ; attempt++) {
      try {
        const data = await fetcher(controller.signal);
        if (run !== entry.run) return;
        entry.data = data;
        entry.error = undefined;
        entry.failed = false;
        entry.updatedAt = Date.now();
        break;
      } catch (error) {
        if (run !== entry.run) return;
        if (attempt < this.retries && mayPass(error)) {
          await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * (attempt + 1)));
          if (run !== entry.run) return;
          continue;
        }
        entry.error = error;
        entry.failed = true;
        entry.stale = true;
        break;
      }
    }
    entry.fetching = false;
  }

  /** What the page knows better already (the answer of its own change), or a change to what is cached. */
  setData<T>(key: QueryKey, data: T | ((current: T | undefined) => T | undefined)): void {
    const entry = this.entry<T>(key);
    const next =
      typeof data === 'function' ? (data as (current: T | undefined) => T | undefined)(entry.data) : data;
    if (next === undefined) return;
    entry.run++;
    entry.fetching = false;
    entry.data = next;
    entry.error = undefined;
    entry.failed = false;
    entry.stale = false;
    entry.updatedAt = Date.now();
  }

  /** Forgets everything under `prefix`, an answer in flight too: what shows it later fetches it anew. */
  remove(prefix: QueryKey): void {
    for (const [hash, entry] of this.entries) {
      if (!startsWith(entry.key, prefix)) continue;
      entry.run++;
      entry.controller?.abort();
      this.entries.delete(hash);
    }
  }

  /** Everything under `prefix` (all without one) is out of date: fetched again at once where shown. */
  invalidate(prefix: QueryKey = []): void {
    for (const entry of this.entries.values()) {
      if (!startsWith(entry.key, prefix)) continue;
      entry.stale = true;
      if (entry.observers > 0) void this.fetch(entry);
    }
  }
}

export interface Query<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  /** No answer yet, and no failure. */
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly isFetching: boolean;
  refetch: () => Promise<void>;
}

export interface QueryOptions<T> {
  key: QueryKey;
  fetch: Fetcher<T>;
  /** While another key's answer comes, keep showing the last one (paging, filters). */
  keepPrevious?: boolean;
  /** Fetched only while true (what is shown on request, such as a member's sessions); true when left out. */
  enabled?: boolean;
}

/** The answer for a key that may change (read `options` reactively); call while a component is set up. */
export function createQuery<T>(options: () => QueryOptions<T>): Query<T> {
  const cache = getQueries();
  const current = $derived.by(() => {
    const { key, fetch } = options();
    return cache.entry(key, fetch);
  });
  const keepPrevious = $derived(options().keepPrevious ?? false);
  const enabled = $derived(options().enabled ?? true);
  let previous = $state.raw<T | undefined>(undefined);

  $effect(() => {
    if (!enabled) return;
    const entry = current;
    // observing reads the entry's state (is an answer on its way?): that must not make this effect run again
    return untrack(() => cache.observe(entry));
  });
  $effect(() => {
    if (current.data !== undefined) previous = current.data;
  });

  const data = $derived(current.data !== undefined ? current.data : keepPrevious ? previous : undefined);
  return {
    get data() {
      return data;
    },
    get error() {
      return current.error;
    },
    get isPending() {
      return data === undefined && !current.failed;
    },
    get isError() {
      return current.failed;
    },
    get isFetching() {
      return current.fetching;
    },
    refetch: () => cache.fetch(current),
  };
}

/** A change the page makes (reserve, pay, cancel): pending while it runs, then its error if it failed. */
export class Mutation<A extends unknown[], T> {
  pending = $state(false);
  error = $state.raw<unknown>(undefined);
  private readonly run: (...args: A) => Promise<T>;
  private readonly onSuccess: ((result: T) => void) | undefined;
  private readonly onError: ((error: unknown) => void) | undefined;

  constructor(
    run: (...args: A) => Promise<T>,
    handlers: { onSuccess?: (result: T) => void; onError?: (error: unknown) => void } = {},
  ) {
    this.run = run;
    this.onSuccess = handlers.onSuccess;
    this.onError = handlers.onError;
  }

  get isError(): boolean {
    return this.error !== undefined;
  }

  mutate = async (...args: A): Promise<void> => {
    this.pending = true;
    this.error = undefined;
    let result: T;
    try {
      result = await this.run(...args);
    } catch (error) {
      this.pending = false;
      this.error = error;
      this.onError?.(error);
      return;
    }
    this.pending = false;
    this.onSuccess?.(result);
  };
}

const QUERIES = Symbol('queries');

export const queriesContext = (cache: QueryCache): [symbol, QueryCache] => [QUERIES, cache];

export function setQueries(cache: QueryCache): void {
  setContext(QUERIES, cache);
}

export function getQueries(): QueryCache {
  const cache = getContext<QueryCache | undefined>(QUERIES);
  if (!cache) throw new Error('getQueries outside the app');
  return cache;
}
