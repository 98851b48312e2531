import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import HoldCountdown from './HoldCountdown.svelte';

const START = Date.parse('2026-12-06T21:00:00Z');

describe('HoldCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const at = (seconds: number) => new Date(START + seconds * 1000).toISOString();
  const advance = (ms: number) => {
    vi.advanceTimersByTime(ms);
    flushSync();
  };

  it('shows the time left as a clock, with the same in words for screen readers', () => {
    render(HoldCountdown, { expiresAt: at(14 * 60 + 5) });

    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent('14:05');
    expect(timer).toHaveTextContent('14 minutes 5 seconds');
    expect(timer.parentElement?.textContent).toBe('14:0514 minutes 5 seconds left to pay');
    expect(screen.getByRole('heading', { name: 'Your seat is held for you' })).toBeInTheDocument();
  });

  it('counts down every second', () => {
    render(HoldCountdown, { expiresAt: at(65) });
    expect(screen.getByRole('timer')).toHaveTextContent('1:05');

    advance(1_000);
    expect(screen.getByRole('timer')).toHaveTextContent('1:04');
    advance(5_000);
    expect(screen.getByRole('timer')).toHaveTextContent('0:59');
  });

  it('reads out the time left at a few moments only, not every second', () => {
    const { container } = render(HoldCountdown, { expiresAt: at(125) });
    const spoken = () => container.querySelector('[aria-live="polite"]')?.textContent;
    expect(spoken()).toBe('');

    advance(4_000); // 121 s left: no moment passed
    expect(spoken()).toBe('');
    advance(1_000); // 120 s
    expect(spoken()).toBe('2 minutes left to pay.');
    advance(30_000);
    expect(spoken()).toBe('2 minutes left to pay.');
    advance(30_000); // 60 s
    expect(spoken()).toBe('1 minute left to pay.');
    advance(30_000); // 30 s
    expect(spoken()).toBe('30 seconds left to pay.');
  });

  it('marks the last two minutes, then says the hold ended and tells the page once', () => {
    const onExpired = vi.fn();
    const { container } = render(HoldCountdown, { expiresAt: at(150), onExpired });
    const section = container.querySelector('section');
    expect(section).toHaveClass('hold-countdown--holding');

    advance(31_000);
    expect(section).toHaveClass('hold-countdown--ending');

    advance(120_000);
    expect(screen.getByRole('heading', { name: 'Your hold has ended' })).toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent('Your hold has ended.');
    expect(section).toHaveClass('hold-countdown--ended');

    advance(10_000);
    expect(onExpired).toHaveBeenCalledOnce();
  });

  it('shows an ended hold as ended from the start', () => {
    const onExpired = vi.fn();
    render(HoldCountdown, { expiresAt: at(-5), onExpired });

    expect(screen.getByRole('heading', { name: 'Your hold has ended' })).toBeInTheDocument();
    expect(onExpired).toHaveBeenCalledOnce();
  });

  it('follows a new deadline', async () => {
    const { rerender } = render(HoldCountdown, { expiresAt: at(60) });
    await rerender({ expiresAt: at(600) });
    advance(250);
    expect(screen.getByRole('timer')).toHaveTextContent('10:00');
  });

  it('stops its clock when it is no longer shown', () => {
    const { unmount } = render(HoldCountdown, { expiresAt: at(60) });
    expect(vi.getTimerCount()).toBe(1);

    unmount();

    expect(vi.getTimerCount()).toBe(0);
  });
});
