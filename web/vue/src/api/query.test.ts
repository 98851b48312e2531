import { ApiProblem } from '@airtix/web-shared/problems';
import { mount } from '@vue/test-utils';
import { defineComponent, nextTick, ref } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryCache, QueryCacheKey, useQuery, type QueryResult } from './query';

const problem = (status: number) => new ApiProblem(status, { status, title: 'x' });

afterEach(() => {
  vi.useRealTimers();
});

describe('the query cache', () => {
  it('asks once for a key shown twice, and again only when invalidated', async () => {
    const cache = new QueryCache();
    const fetcher = vi.fn(async () => 'answer');
    const first = cache.observe(['ticket', 't-1'], fetcher);
    const second = cache.observe(['ticket', 't-1'], fetcher);
    await vi.waitFor(() => expect(first.state.data).toBe('answer'));
    expect(second).toBe(first);
    expect(fetcher).toHaveBeenCalledOnce();

    cache.invalidate(['ticket']);
    await vi.waitFor(() => expect(fetcher).toHaveBeenCalledTimes(2));
  });

  it('leaves keys nobody shows for later, and keys of another prefix alone', async () => {
    const cache = new QueryCache();
    const orders = vi.fn(async () => 'orders');
    const ticket = vi.fn(async () => 'ticket');
    const shown = cache.observe(['ticket', 't-1'], ticket);
    const hidden = cache.observe(['orders', 0], orders);
    await vi.waitFor(() => expect(hidden.state.data).toBe('orders'));
    cache.unobserve(hidden);

    cache.invalidate(['orders']);
    expect(orders).toHaveBeenCalledOnce();
    expect(ticket).toHaveBeenCalledOnce();
    expect(shown.state.fetching).toBe(false);

    cache.observe(['orders', 0], orders);
    expect(orders).toHaveBeenCalledTimes(2);
  });

  it('tries a 5xx again, not a 4xx, and keeps what was shown beside the problem', async () => {
    vi.useFakeTimers();
    const cache = new QueryCache({ retries: 2 });
    const fetcher = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(problem(503))
      .mockResolvedValueOnce('answer')
      .mockRejectedValueOnce(problem(404));
    const entry = cache.observe(['ticket', 't-1'], fetcher);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(entry.state).toMatchObject({ data: 'answer', status: 'success' });

    cache.invalidate();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(entry.state).toMatchObject({ data: 'answer', status: 'error', fetching: false });
  });

  it('drops the answer of a fetch overtaken by a newer one', async () => {
    const cache = new QueryCache();
    let answer!: (value: string) => void;
    const fetcher = vi
      .fn<() => Promise<string>>()
      .mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
      .mockResolvedValueOnce('new');
    const entry = cache.observe(['order', 'o-1'], fetcher);
    cache.invalidate(['order', 'o-1']);
    await vi.waitFor(() => expect(entry.state.data).toBe('new'));

    answer('old');
    await Promise.resolve();
    expect(entry.state.data).toBe('new');
  });

  it('takes an answer written by a mutation as fresh', () => {
    const cache = new QueryCache();
    cache.setQueryData(['order', 'o-1'], { id: 'o-1' });
    const fetcher = vi.fn(async () => ({ id: 'o-1' }));
    const entry = cache.observe(['order', 'o-1'], fetcher);

    expect(entry.state.data).toEqual({ id: 'o-1' });
    expect(fetcher).not.toHaveBeenCalled();
  });
});

describe('a query shown by a component', () => {
  it('asks nothing while it is not enabled, and asks once what it needs is known', async () => {
    const cache = new QueryCache();
    const ticketId = ref<string>();
    const fetcher = vi.fn(async () => 'ticket');
    let ticket!: QueryResult<string>;
    const wrapper = mount(
      defineComponent({
        setup() {
          ticket = useQuery({
            key: () => ['ticket', ticketId.value],
            fetch: fetcher,
            enabled: () => ticketId.value !== undefined,
          });
          return () => null;
        },
      }),
      { global: { provide: { [QueryCacheKey as symbol]: cache } } },
    );
    await nextTick();
    expect(fetcher).not.toHaveBeenCalled();
    expect(ticket).toMatchObject({ data: undefined, isPending: true, isError: false });

    ticketId.value = 't-1';
    await vi.waitFor(() => expect(ticket.data).toBe('ticket'));
    expect(fetcher).toHaveBeenCalledOnce();
    wrapper.unmount();
  });
});
