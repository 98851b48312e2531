import { formatMoney } from '@airtix/web-shared/format';

/**
 * A price that changed while the person looked: up or down, from what to what. `onAccept` offers to go on at
 * the new price (after the reservation was refused with PRICE_CHANGED).
 */
export function PriceChangedNotice({
  previousPrice,
  price,
  currency,
  onAccept,
  compact = false,
}: {
  previousPrice: number;
  price: number;
  currency: string;
  onAccept?: () => void;
  compact?: boolean;
}) {
  const direction = price < previousPrice ? 'down' : 'up';
  const sentence = `Price ${direction === 'down' ? 'dropped' : 'went up'} from ${formatMoney(previousPrice, currency)} to ${formatMoney(price, currency)}.`;
  if (compact) {
    return <p className={`price-change price-change--${direction}`}>{sentence}</p>;
  }
  return (
    <div className="notice notice--warning" role="status">
      <p>{sentence}</p>
      {onAccept && (
        <button type="button" className="button" onClick={onAccept}>
          Reserve at {formatMoney(price, currency)}
        </button>
      )}
    </div>
  );
}
