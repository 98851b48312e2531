import { useLive } from './LiveProvider';

const words = {
  idle: 'Live updates starting',
  connecting: 'Connecting to live updates…',
  open: 'Live: changes appear as they happen',
  waiting: 'Live updates interrupted; reconnecting…',
  stopped: 'Live updates off',
} as const;

/** Whether what is shown follows the sale as it happens. Not a live region: it would chatter. */
export function LiveStatusIndicator() {
  const { status } = useLive();
  return (
    <p className={`live-status live-status--${status}`}>
      <span className="live-status__dot" aria-hidden="true" />
      {words[status]}
    </p>
  );
}
