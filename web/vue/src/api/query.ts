import {
  computed,
  inject,
  onScopeDispose,
  reactive,
  shallowReactive,
  shallowRef,
  watch,
  type InjectionKey,
} from 'vue';

/**
 * Server state, kept small: a cache of answers by key that pages share (a ticket read by the details page is
 * the one the checkout's summary shows), that live messages invalidate, and that mutations write into. Shown
 * queries are fetched again when invalidated; the others when next shown.
 */

export type QueryKey = readonly unknown[];

interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  status: 'pending' | 'success' | 'error';
  fetching: boolean;
}

interface Entry<T = unknown> {
  parts: QueryKey;
  state: QueryState<T>;
  fetcher: ((signal: AbortSignal) => Promise<T>) | undefined;
  observers: number;
  updatedAt: number;
  stale: boolean;
  controller: AbortController | undefined;
  /** Bumped by every fetch: a late answer of an older one is dropped. */
  generation: number;
  gcTimer: ReturnType<typeof setTimeout> | undefined;
}

export interface QueryCacheOptions {
  /** How long an answer is shown without asking again when a page shows it anew, ms. */
  staleTime?: number;
  /** Further attempts after a network failure or a 5xx; a 4xx answer is final. */
  retries?: number;
  /** How long an answer nobody shows is kept, ms. */
  gcTime?: number;
}

function hashOf(parts: QueryKey): string {
  return JSON.stringify(parts);
}

function retryable(error: unknown): boolean {
  const status = (error as { status?: number } | undefined)?.status;
  return status === undefined || status >= 500;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export class QueryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly staleTime: number;
  private readonly retries: number;
  private readonly gcTime: number;

  constructor(options: QueryCacheOptions = {}) {
    this.staleTime = options.staleTime ?? 30_000;
    this.retries = options.retries ?? 2;
    this.gcTime = options.gcTime ?? 5 * 60_000;
  }

  private entry<T>(parts: QueryKey): Entry<T> {
    const hash = hashOf(parts);
    let entry = this.entries.get(hash) as Entry<T> | undefined;
    if (!entry) {
      entry = {
        parts,
        state: shallowReactive<QueryState<T>>({
          data: undefined,
          error: undefined,
          status: 'pending',
          fetching: false,
        }) as QueryState<T>,
        fetcher: undefined,
        observers: 0,
        updatedAt: 0,
        stale: true,
        controller: undefined,
        generation: 0,
        gcTimer: undefined,
      };
      this.entries.set(hash, entry as Entry);
    }
    return entry;
  }

  /** A page shows this key: fetch it unless a fresh answer is there or on its way. */
  observe<T>(parts: QueryKey, fetcher: (signal: AbortSignal) => Promise<T>): Entry<T> {
    const entry = this.entry<T>(parts);
    entry.fetcher = fetcher;
    entry.observers++;
    clearTimeout(entry.gcTimer);
    const fresh = !entry.stale && Date.now() - entry.updatedAt < this.staleTime;
    if (!fresh && !entry.state.fetching) void this.fetch(entry);
    return entry;
  }

  unobserve(entry: Entry): void {
    entry.observers--;
    if (entry.observers > 0 || !Number.isFinite(this.gcTime)) return;
    entry.gcTimer = setTimeout(() => {
      const hash = hashOf(entry.parts);
      if (entry.observers === 0 && this.entries.get(hash) === entry) this.entries.delete(hash);
    }, this.gcTime);
  }

  async fetch<T>(entry: Entry<T>): Promise<void> {
    const fetcher = entry.fetcher;
    if (!fetcher) return;
    entry.controller?.abort();
    const controller = new AbortController();
    const generation = ++entry.generation;
    entry.controller = controller;
    entry.state.fetching = true;
    for (let attempt = 0; ; attempt++) {
      try {
        const data = await fetcher(controller.signal);
        if (generation !== entry.generation) return;
        Object.assign(entry.state, { data, error: undefined, status: 'success', fetching: false });
        entry.updatedAt = Date.now();
        entry.stale = false;
        return;
      } catch (error) {
        if (generation !== entry.generation || isAbort(error)) return;
        if (attempt < this.retries && retryable(error)) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 30_000)));
          if (generation !== entry.generation) return;
          continue;
        }
        // an answer shown before stays shown beside the problem
        Object.assign(entry.state, { error, status: 'error', fetching: false });
        return;
      }
    }
  }

  /** The answer now known for this key, e.g. a mutation's; `update` gets what is there. */
  setQueryData<T>(parts: QueryKey, update: T | ((current: T | undefined) => T | undefined)): void {
    const entry = this.entry<T>(parts);
    const next =
      typeof update === 'function'
        ? (update as (current: T | undefined) => T | undefined)(entry.state.data)
        : update;
    if (next === undefined) return;
    Object.assign(entry.state, { data: next, error: undefined, status: 'success' });
    entry.updatedAt = Date.now();
    entry.stale = false;
  }

  /** Every key starting with `prefix` (all without one) is out of date: shown ones are fetched again. */
  invalidate(prefix: QueryKey = []): void {
    for (const entry of this.entries.values()) {
      const matches = prefix.every((part, index) => hashOf([part]) === hashOf([entry.parts[index]]));
      if (!matches) continue;
      entry.stale = true;
      if (entry.observers > 0) void this.fetch(entry);
    }
  }
}

export const QueryCacheKey: InjectionKey<QueryCache> = Symbol('query-cache');

export function useQueryCache(): QueryCache {
  const cache = inject(QueryCacheKey);
  if (!cache) throw new Error('useQueryCache without a QueryCache provided');
  return cache;
}

export interface QueryOptions<T> {
  /** What identifies the answer; read reactively, a new key is a new query. */
  key: () => QueryKey;
  fetch: (signal: AbortSignal) => Promise<T>;
  /** While a new key loads, go on showing the answer of the one before (a list's next page). */
  keepPrevious?: boolean;
  /** Read reactively; while false nothing is asked and nothing shown, e.g. until an id is known. */
  enabled?: () => boolean;
  /** Ask again every so many ms while the answer says so; false: do not. */
  refetchInterval?: (data: T | undefined) => number | false;
}

export interface QueryResult<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly isFetching: boolean;
}

/** One query while the component is shown. */
export function useQuery<T>(options: QueryOptions<T>): QueryResult<T> {
  const cache = useQueryCache();
  const current = shallowRef<Entry<T>>();
  const previous = shallowRef<T>();

  watch(
    () => ((options.enabled?.() ?? true) ? hashOf(options.key()) : undefined),
    (hash) => {
      const before = current.value;
      if (before) {
        if (before.state.data !== undefined) previous.value = before.state.data;
        cache.unobserve(before as Entry);
      }
      current.value = hash === undefined ? undefined : cache.observe(options.key(), options.fetch);
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    if (current.value) cache.unobserve(current.value as Entry);
  });

  const data = computed(() => {
    const state = current.value?.state;
    if (state?.data !== undefined) return state.data;
    return options.keepPrevious && state?.status !== 'error' ? previous.value : undefined;
  });

  const interval = computed(() => options.refetchInterval?.(data.value) ?? false);
  watch(
    [interval, current],
    ([every, entry], _, onCleanup) => {
      if (every === false || !entry) return;
      const timer = setInterval(() => void cache.fetch(entry), every);
      onCleanup(() => clearInterval(timer));
    },
    { immediate: true },
  );

  return reactive({
    data,
    error: computed(() => current.value?.state.error),
    // a query not enabled yet waits for what it needs: pending, as TanStack Query has it
    isPending: computed(
      () => data.value === undefined && (current.value?.state.status ?? 'pending') === 'pending',
    ),
    isError: computed(() => current.value?.state.status === 'error'),
    isFetching: computed(() => current.value?.state.fetching ?? false),
  }) as QueryResult<T>;
}

export interface MutationResult<V, R> {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly error: unknown;
  readonly data: R | undefined;
  mutate: (variables: V) => void;
  /** Forgets the last outcome, e.g. before the person tries again; an answer still on its way is dropped. */
  reset: () => void;
}

/** A change the person asks for, with its state for the page: pending, failed with what, done. */
export function useMutation<V, R>(
  run: (variables: V) => Promise<R>,
  handlers: {
    onSuccess?: (result: R, variables: V) => void;
    onError?: (error: unknown, variables: V) => void;
  } = {},
): MutationResult<V, R> {
  const state = shallowReactive({
    isPending: false,
    isError: false,
    error: undefined as unknown,
    data: undefined as R | undefined,
  });
  let generation = 0;
  const mutate = (variables: V) => {
    const mine = ++generation;
    Object.assign(state, { isPending: true, isError: false, error: undefined });
    run(variables).then(
      (result) => {
        if (mine !== generation) return;
        Object.assign(state, { isPending: false, data: result });
        handlers.onSuccess?.(result, variables);
      },
      (error: unknown) => {
        if (mine !== generation) return;
        Object.assign(state, { isPending: false, isError: true, error });
        handlers.onError?.(error, variables);
      },
    );
  };
  return shallowReactive({
    get isPending() {
      return state.isPending;
    },
    get isError() {
      return state.isError;
    },
    get error() {
      return state.error;
    },
    get data() {
      return state.data;
    },
    mutate,
    reset() {
      generation++;
      Object.assign(state, { isPending: false, isError: false, error: undefined, data: undefined });
    },
  });
}
