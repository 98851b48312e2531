import { unwrap, type StaffInvitation, type StaffMember } from '@airtix/web-shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { TenantRole } from '../auth/access';
import { useApi } from '../api/ApiProvider';
import { ProblemMessage } from '../ui/ProblemMessage';
import { RoleCheckboxes } from './RoleCheckboxes';

type Outcome = { invited: StaffInvitation } | { already: StaffMember };

/**
 * Invites a person by email (`POST /api/airlines/{alias}/staff`): Keycloak mails the invitation, the roles
 * apply once it is accepted. 200 instead of 202: the person works for the airline with exactly these roles.
 */
export function InviteStaffForm({ airline }: { airline: string }) {
  const api = useApi();
  const id = useId();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<TenantRole[]>(['agent']);
  const [incomplete, setIncomplete] = useState(false);
  const invite = useMutation({
    mutationFn: async (): Promise<Outcome> => {
      const call = api.tenants.POST('/api/airlines/{alias}/staff', {
        params: { path: { alias: airline } },
        body: { email: email.trim(), roles },
      });
      const data = await unwrap(call);
      const { response } = await call;
      return response.status === 202
        ? { invited: data as StaffInvitation }
        : { already: data as StaffMember };
    },
    onSuccess: () => {
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'invitations'] });
      void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'staff'] });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = !email.trim() || roles.length === 0;
    setIncomplete(missing);
    if (!missing) invite.mutate();
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="form__wide">
        Invite someone
      </h2>
      {incomplete && (
        <div className="notice notice--danger form__wide" role="alert">
          <p>Please give an email address and at least one role.</p>
        </div>
      )}
      {invite.isError && (
        <div className="form__wide">
          <ProblemMessage error={invite.error} />
        </div>
      )}
      {invite.data && (
        <div className="notice notice--success form__wide" role="status">
          <p>
            {'invited' in invite.data
              ? `Invitation sent to ${invite.data.invited.email}. The roles apply once it is accepted.`
              : `${invite.data.already.email} works for ${airline} already, with these roles.`}
          </p>
        </div>
      )}
      <div className="field form__wide">
        <label htmlFor={`${id}-email`}>Email address</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="off"
          value={email}
          aria-invalid={(incomplete && !email.trim()) || undefined}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
      </div>
      <div className="form__wide">
        <RoleCheckboxes
          legend="Roles"
          value={roles}
          onChange={setRoles}
          invalid={incomplete && roles.length === 0}
        />
      </div>
      <div className="form__wide actions">
        <button type="submit" className="button" disabled={invite.isPending}>
          {invite.isPending ? 'Sending…' : 'Send invitation'}
        </button>
      </div>
    </form>
  );
}
