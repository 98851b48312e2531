import { unwrap } from '@airtix/web-shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleName } from '../auth/access';
import { useApi } from '../api/ApiProvider';
import { formatWhen } from '../staff/formatWhen';
import { ProblemMessage } from '../ui/ProblemMessage';

/** Invitations not yet accepted (`GET …/staff/invitations`), each withdrawable (`DELETE …/invitations/{id}`). */
export function InvitationsTable({ airline }: { airline: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: ['airline', airline, 'invitations'],
    queryFn: ({ signal }) =>
      unwrap(
        api.tenants.GET('/api/airlines/{alias}/staff/invitations', {
          params: { path: { alias: airline } },
          signal,
        }),
      ),
  });
  const withdraw = useMutation({
    mutationFn: async ({ id }: { id: string; email: string }) =>
      unwrap(
        api.tenants.DELETE('/api/airlines/{alias}/staff/invitations/{invitationId}', {
          params: { path: { alias: airline, invitationId: id } },
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'invitations'] }),
  });

  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">Open invitations</h2>
      {withdraw.isSuccess && (
        <div className="notice notice--success" role="status">
          <p>The invitation to {withdraw.variables.email} was withdrawn.</p>
        </div>
      )}
      {withdraw.isError && <ProblemMessage error={withdraw.error} />}
      {invitations.isError && <ProblemMessage error={invitations.error} />}
      {invitations.isPending && <p role="status">Loading the invitations…</p>}
      {invitations.data && invitations.data.length === 0 && <p>No invitation is waiting for an answer.</p>}
      {invitations.data && invitations.data.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="invitations-caption">
          <table className="orders orders--stacked">
            <caption id="invitations-caption" className="visually-hidden">
              Open invitations to {airline}
            </caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Sent</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td data-label="Roles">{invitation.roles.map(roleName).join(', ')}</td>
                  <td data-label="Sent">{formatWhen(invitation.sentAt)}</td>
                  <td data-label="Expires">{formatWhen(invitation.expiresAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={withdraw.isPending}
                      onClick={() => withdraw.mutate({ id: invitation.id, email: invitation.email })}
                    >
                      Withdraw <span className="visually-hidden">the invitation to {invitation.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
