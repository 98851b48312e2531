import { unwrap } from '@airtix/web-shared/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { PageHeading } from '../ui/PageHeading';
import { Pager } from '../ui/Pager';
import { ProblemMessage } from '../ui/ProblemMessage';
import { PaymentRow } from './PaymentRow';

/** The signed-in person's payments, newest first, refunds included; live payment messages refresh the list. */
export function MyPaymentsPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const payments = useQuery({
    queryKey: ['payments', page],
    queryFn: ({ signal }) =>
      unwrap(api.payments.GET('/api/payments', { params: { query: { page, size: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeading>My payments</PageHeading>
      {payments.isError && <ProblemMessage error={payments.error} />}
      {payments.isPending && <p role="status">Loading your payments…</p>}
      {payments.data && payments.data.items.length === 0 && (
        <p>
          You have made no payments yet. <Link to="/orders">See your orders</Link>.
        </p>
      )}
      {payments.data && payments.data.items.length > 0 && (
        <table className="orders orders--stacked">
          <caption className="visually-hidden">Your payments, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Flight</th>
              <th scope="col">Started</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Details</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {payments.data.items.map((payment) => (
              <PaymentRow key={payment.id} payment={payment} />
            ))}
          </tbody>
        </table>
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
