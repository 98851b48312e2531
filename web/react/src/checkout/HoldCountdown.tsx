import { useEffect, useRef, useState } from 'react';
import { formatRemaining } from '@airtix/web-shared/format';

/** Minutes (and the last seconds) at which a screen reader hears how long is left. */
const ANNOUNCE_AT_SECONDS = [600, 300, 120, 60, 30];

function announcement(seconds: number): string {
  if (seconds <= 0) return 'Your hold has ended.';
  if (seconds >= 60) {
    const minutes = Math.round(seconds / 60);
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left to pay.`;
  }
  return `${seconds} seconds left to pay.`;
}

/**
 * How long the seat stays held for the person: a clock that counts down to the order's `expiresAt`, read out
 * at a few moments only (10, 5, 2 and 1 minutes, 30 seconds, the end) instead of every second.
 */
export function HoldCountdown({
  expiresAt,
  onExpired,
  now = Date.now,
}: {
  expiresAt: string;
  onExpired?: () => void;
  /** The clock; tests pass their own. */
  now?: () => number;
}) {
  const deadline = Date.parse(expiresAt);
  const [remaining, setRemaining] = useState(() => deadline - now());
  const [spoken, setSpoken] = useState('');
  const lastAnnounced = useRef<number | undefined>(undefined);
  const expiredCalled = useRef(false);
  const onExpiredRef = useRef(onExpired);
  onExpiredRef.current = onExpired;

  useEffect(() => {
    expiredCalled.current = false;
    lastAnnounced.current = undefined;
    let first = true;
    const tick = () => {
      const left = deadline - now();
      setRemaining(left);
      const seconds = Math.max(0, Math.ceil(left / 1000));
      // the last moment passed; a throttled background tab may skip some, the latest one counts
      const passed = seconds <= 0 ? 0 : [...ANNOUNCE_AT_SECONDS].reverse().find((at) => seconds <= at);
      if (first) {
        // what is left when the clock appears is on the screen already: nothing to read out
        lastAnnounced.current = passed;
        first = false;
      } else if (passed !== undefined && lastAnnounced.current !== passed) {
        lastAnnounced.current = passed;
        setSpoken(announcement(seconds));
      }
      if (left <= 0 && !expiredCalled.current) {
        expiredCalled.current = true;
        onExpiredRef.current?.();
      }
      return left;
    };
    if (tick() <= 0) return undefined;
    const timer = setInterval(() => {
      if (tick() <= 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [deadline, now]);

  const ended = remaining <= 0;
  const { clock, words } = formatRemaining(remaining);
  const urgency = ended ? 'ended' : remaining <= 120_000 ? 'ending' : 'holding';

  return (
    <section className={`hold-countdown hold-countdown--${urgency}`} aria-labelledby="hold-countdown-title">
      <h2 id="hold-countdown-title" className="hold-countdown__title">
        {ended ? 'Your hold has ended' : 'Your seat is held for you'}
      </h2>
      {ended ? (
        <p>
          The seat went back on sale because it was not paid in time. You can look for it again in the
          catalogue.
        </p>
      ) : (
        <p>
          <span role="timer" aria-atomic="true" className="hold-countdown__clock">
            <span aria-hidden="true">{clock}</span>
            <span className="visually-hidden">{words}</span>
          </span>{' '}
          left to pay
        </p>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {spoken}
      </p>
    </section>
  );
}
