import { unwrap } from '@airtix/web-shared/api';
import { formatMoney } from '@airtix/web-shared/format';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { LiveStatusIndicator } from '../live/LiveStatusIndicator';
import { PaymentStatusBadge } from '../payments/PaymentStatusBadge';
import { PageHeading } from '../ui/PageHeading';
import { Pager } from '../ui/Pager';
import { ProblemMessage } from '../ui/ProblemMessage';
import { formatWhen } from './formatWhen';
import { useStaffAirline } from './useStaffAirline';

/** The airline's payments, refunds included (`GET /api/airlines/{airline}/payments`). */
export function AirlinePaymentsPage() {
  const api = useApi();
  const airline = useStaffAirline();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const payments = useQuery({
    queryKey: ['airline', airline, 'payments', page],
    queryFn: ({ signal }) =>
      unwrap(
        api.payments.GET('/api/airlines/{airline}/payments', {
          params: { path: { airline }, query: { page, size: 20 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeading>Payments of {airline}</PageHeading>
      <LiveStatusIndicator />
      {payments.isError && <ProblemMessage error={payments.error} />}
      {payments.isPending && <p role="status">Loading the payments…</p>}
      {payments.data && payments.data.items.length === 0 && <p>No payments for {airline} yet.</p>}
      {payments.data && payments.data.items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="airline-payments-caption">
          <table className="orders">
            <caption id="airline-payments-caption" className="visually-hidden">
              Payments of {airline}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Order</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
                <th scope="col">Provider</th>
                <th scope="col">Attempts</th>
                <th scope="col">Why it failed</th>
              </tr>
            </thead>
            <tbody>
              {payments.data.items.map((payment) => (
                <tr key={payment.id}>
                  <td>{formatWhen(payment.createdAt)}</td>
                  <td className="id">{payment.orderId}</td>
                  <td>{formatMoney(payment.amount, payment.currency)}</td>
                  <td>
                    <PaymentStatusBadge payment={payment} />
                  </td>
                  <td>{payment.provider}</td>
                  <td>{payment.attempt}</td>
                  <td>{payment.failureReason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {payments.data && (
        <Pager
          page={payments.data.page}
          totalPages={payments.data.totalPages}
          label="Pages of payments"
          onPage={(next) => setParams(next === 0 ? {} : { page: String(next + 1) })}
        />
      )}
    </>
  );
}
