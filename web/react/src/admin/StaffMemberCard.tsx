import { unwrap, type StaffMember } from '@airtix/web-shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isTenantRole, roleName, type TenantRole } from '../auth/access';
import { useApi } from '../api/ApiProvider';
import { formatWhen } from '../staff/formatWhen';
import { ProblemMessage } from '../ui/ProblemMessage';
import { RoleCheckboxes } from './RoleCheckboxes';

type Action =
  | { kind: 'roles'; roles: TenantRole[] }
  | { kind: 'suspend' }
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'end-sessions' }
  | { kind: 'end-session'; sessionId: string };

const REQUIRED_ACTIONS: Record<string, string> = {
  VERIFY_EMAIL: 'verify their email',
  UPDATE_PASSWORD: 'choose a password',
  CONFIGURE_TOTP: 'set up a second factor',
  UPDATE_PROFILE: 'complete their profile',
};

export function displayName(member: StaffMember): string {
  const full = [member.firstName, member.lastName].filter(Boolean).join(' ');
  return full || member.username || member.email;
}

function standing(member: StaffMember): { text: string; tone: string } {
  if (member.suspended) return { text: 'Suspended: no roles', tone: 'sold' };
  if (!member.enabled) return { text: 'Sign-in disabled', tone: 'sold' };
  return { text: 'Active', tone: 'success' };
}

/**
 * One member of staff and what a tenant admin may do about them: change roles (which also reinstates a
 * suspended member), suspend, disable or enable the sign-in, end sessions. Each outcome is said in words where
 * the button was; refusals (the last tenant admin, an account serving other airlines too) as the API explains.
 */
export function StaffMemberCard({ airline, member }: { airline: string; member: StaffMember }) {
  const api = useApi();
  const id = useId();
  const queryClient = useQueryClient();
  const name = displayName(member);
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<TenantRole[]>([]);
  const [showSessions, setShowSessions] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const path = { alias: airline, userId: member.id };

  const sessions = useQuery({
    queryKey: ['airline', airline, 'sessions', member.id],
    queryFn: ({ signal }) =>
      unwrap(api.tenants.GET('/api/airlines/{alias}/staff/{userId}/sessions', { params: { path }, signal })),
    enabled: showSessions,
  });

  const act = useMutation({
    mutationFn: async (action: Action): Promise<string> => {
      switch (action.kind) {
        case 'roles':
          await unwrap(
            api.tenants.PUT('/api/airlines/{alias}/staff/{userId}/roles', {
              params: { path },
              body: { roles: action.roles },
            }),
          );
          return `${name} now holds: ${action.roles.map(roleName).join(', ')}.`;
        case 'suspend':
          await unwrap(
            api.tenants.POST('/api/airlines/{alias}/staff/{userId}/suspend', { params: { path } }),
          );
          return `${name} is suspended: their roles in ${airline} are withdrawn.`;
        case 'disable':
          await unwrap(
            api.tenants.POST('/api/airlines/{alias}/staff/{userId}/disable', { params: { path } }),
          );
          return `${name} can no longer sign in.`;
        case 'enable':
          await unwrap(api.tenants.POST('/api/airlines/{alias}/staff/{userId}/enable', { params: { path } }));
          return `${name} can sign in again.`;
        case 'end-sessions':
          await unwrap(
            api.tenants.DELETE('/api/airlines/{alias}/staff/{userId}/sessions', { params: { path } }),
          );
          return `Every session of ${name} was ended.`;
        case 'end-session':
          await unwrap(
            api.tenants.DELETE('/api/airlines/{alias}/staff/{userId}/sessions/{sessionId}', {
              params: { path: { ...path, sessionId: action.sessionId } },
            }),
          );
          return `That session of ${name} was ended.`;
      }
    },
    onMutate: () => setDone(undefined),
    onSuccess: (sentence, action) => {
      setDone(sentence);
      if (action.kind === 'roles') setEditing(false);
      void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'staff'] });
      void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'sessions', member.id] });
    },
  });

  const state = standing(member);
  const pending = (member.pendingActions ?? []).map((action) => REQUIRED_ACTIONS[action] ?? action);

  return (
    <li className="staff-card">
      <h2 id={`${id}-name`} className="staff-card__name">
        {name}
      </h2>
      <dl className="details">
        <dt>Email</dt>
        <dd>{member.email}</dd>
        <dt>Roles</dt>
        <dd>{member.roles.length > 0 ? member.roles.map(roleName).join(', ') : 'None'}</dd>
        <dt>Standing</dt>
        <dd>
          <span className={`badge badge--${state.tone}`}>{state.text}</span>
        </dd>
        {pending.length > 0 && (
          <>
            <dt>Still has to</dt>
            <dd>{pending.join(', ')}</dd>
          </>
        )}
      </dl>
      {done && (
        <div className="notice notice--success" role="status">
          <p>{done}</p>
        </div>
      )}
      {act.isError && <ProblemMessage error={act.error} />}

      {editing ? (
        <form
          className="staff-card__roles"
          onSubmit={(event) => {
            event.preventDefault();
            if (roles.length > 0) act.mutate({ kind: 'roles', roles });
          }}
        >
          <RoleCheckboxes legend={`Roles of ${name}`} value={roles} onChange={setRoles} />
          {roles.length === 0 && (
            <p className="field-hint">
              Choose at least one role; to take every role away, suspend {name} instead.
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button" disabled={act.isPending || roles.length === 0}>
              Save roles
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setRoles(member.roles.filter(isTenantRole));
              setEditing(true);
            }}
          >
            {member.suspended ? 'Reinstate with roles' : 'Change roles'}{' '}
            <span className="visually-hidden">of {name}</span>
          </button>
          {!member.suspended && (
            <button
              type="button"
              className="button button--secondary"
              disabled={act.isPending}
              onClick={() => act.mutate({ kind: 'suspend' })}
            >
              Suspend <span className="visually-hidden">{name}</span>
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={act.isPending}
            onClick={() => act.mutate({ kind: member.enabled ? 'disable' : 'enable' })}
          >
            {member.enabled ? 'Disable sign-in' : 'Enable sign-in'}{' '}
            <span className="visually-hidden">of {name}</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={act.isPending}
            onClick={() => act.mutate({ kind: 'end-sessions' })}
          >
            End all sessions <span className="visually-hidden">of {name}</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={showSessions}
            aria-controls={`${id}-sessions`}
            onClick={() => setShowSessions((shown) => !shown)}
          >
            {showSessions ? 'Hide sessions' : 'Show sessions'}{' '}
            <span className="visually-hidden">of {name}</span>
          </button>
        </div>
      )}

      <div id={`${id}-sessions`} hidden={!showSessions}>
        {showSessions && sessions.isPending && <p role="status">Loading the sessions…</p>}
        {showSessions && sessions.isError && <ProblemMessage error={sessions.error} />}
        {showSessions && sessions.data && sessions.data.length === 0 && (
          <p>{name} is not signed in anywhere.</p>
        )}
        {showSessions && sessions.data && sessions.data.length > 0 && (
          <ul className="sessions">
            {sessions.data.map((session) => (
              <li key={session.id}>
                Since {formatWhen(session.started)}, last active {formatWhen(session.lastAccess)}, from{' '}
                {session.ipAddress}
                {session.clients.length > 0 ? ` (${session.clients.join(', ')})` : ''}{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={act.isPending}
                  onClick={() => act.mutate({ kind: 'end-session', sessionId: session.id })}
                >
                  End <span className="visually-hidden">the session from {session.ipAddress}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
