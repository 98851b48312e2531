import { unwrap } from '@airtix/web-shared/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { adminConsoleUrl } from '../auth/oidc';
import { useStaffAirline } from '../staff/useStaffAirline';
import { PageHeading } from '../ui/PageHeading';
import { Pager } from '../ui/Pager';
import { ProblemMessage } from '../ui/ProblemMessage';
import { InvitationsTable } from './InvitationsTable';
import { InviteStaffForm } from './InviteStaffForm';
import { StaffMemberCard } from './StaffMemberCard';

const PAGE_SIZE = 20;

/**
 * The airline's staff for its tenant admins (`GET /api/airlines/{alias}/staff`): each member with what may be
 * done about them, the open invitations, a new invitation, and the way to the Keycloak console. Staff changes
 * made elsewhere arrive on the airline's live channel (`staff.changed`) and reload the list.
 */
export function StaffPage() {
  const api = useApi();
  const airline = useStaffAirline();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const staff = useQuery({
    queryKey: ['airline', airline, 'staff', page],
    queryFn: ({ signal }) =>
      unwrap(
        api.tenants.GET('/api/airlines/{alias}/staff', {
          params: { path: { alias: airline }, query: { page, size: PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeading>Staff of {airline}</PageHeading>
      <p>
        <a href={adminConsoleUrl()} target="_blank" rel="noreferrer">
          Open the Keycloak admin console <span className="visually-hidden">(opens a new tab)</span>
        </a>{' '}
        to see your airline’s groups and their members in Keycloak itself.
      </p>
      {staff.isError && <ProblemMessage error={staff.error} />}
      {staff.isPending && <p role="status">Loading the staff…</p>}
      {staff.data && staff.data.items.length === 0 && <p>Nobody works for {airline} yet.</p>}
      {staff.data && staff.data.items.length > 0 && (
        <ul className="staff-list" aria-label={`Staff of ${airline}`}>
          {staff.data.items.map((member) => (
            <StaffMemberCard key={member.id} airline={airline} member={member} />
          ))}
        </ul>
      )}
      {staff.data && (
        <Pager
          page={staff.data.page}
          totalPages={Math.ceil(staff.data.totalItems / PAGE_SIZE)}
          label="Pages of staff"
          onPage={(next) => setParams(next === 0 ? {} : { page: String(next + 1) })}
        />
      )}
      <InvitationsTable airline={airline} />
      <InviteStaffForm airline={airline} />
    </>
  );
}
