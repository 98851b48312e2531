import { Link } from 'react-router';

/** The seat went to someone else: held for now, sold, or withdrawn; with the way back to the catalogue. */
export function SeatTakenNotice({ reason }: { reason: 'held' | 'sold' | 'withdrawn' }) {
  const sentence = {
    held: 'Someone else is holding this seat right now. It comes back on sale if they do not pay in time.',
    sold: 'This seat has just been sold to someone else.',
    withdrawn: 'The airline has withdrawn this ticket from sale.',
  }[reason];
  return (
    <div className="notice notice--info" role="status">
      <p>{sentence}</p>
      <p>
        <Link to="/">Find another ticket</Link>
      </p>
    </div>
  );
}
