import { unwrap, type Ticket } from '@airtix/web-shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { PageHeading } from '../ui/PageHeading';
import { ProblemMessage } from '../ui/ProblemMessage';
import { TicketStatusBadge } from '../ui/TicketStatusBadge';
import { TicketForm, type TicketFields } from './TicketForm';
import { ticketName } from './ticketName';
import { useStaffAirline } from './useStaffAirline';

/**
 * Changes a ticket (`PUT /api/tickets/{id}` with the version it was read at). A held or sold ticket is offered
 * too: whether it may change is the API's to say, and its refusal (423 held, 409 sold or changed meanwhile) is
 * shown with the reason.
 */
export function EditTicketPage() {
  const { ticketId = '' } = useParams();
  const api = useApi();
  const airline = useStaffAirline();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ticket = useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: ({ signal }) =>
      unwrap(api.tickets.GET('/api/tickets/{id}', { params: { path: { id: ticketId } }, signal })),
  });
  const save = useMutation({
    mutationFn: ({ fields, version }: { fields: TicketFields; version: number }): Promise<Ticket> =>
      unwrap(
        api.tickets.PUT('/api/tickets/{id}', {
          params: { path: { id: ticketId } },
          body: { ...fields, version },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['ticket', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'tickets'] });
      void navigate('/staff/tickets', { state: { done: `${ticketName(saved)} was changed.` } });
    },
  });

  const back = (
    <p>
      <Link to="/staff/tickets">Back to the tickets</Link>
    </p>
  );
  if (ticket.isPending) {
    return (
      <>
        <PageHeading>Change a ticket</PageHeading>
        <p role="status">Loading the ticket…</p>
      </>
    );
  }
  if (ticket.isError) {
    return (
      <>
        <PageHeading>Change a ticket</PageHeading>
        <ProblemMessage error={ticket.error} />
        {back}
      </>
    );
  }
  const shown = ticket.data;
  return (
    <>
      <PageHeading>Change {ticketName(shown)}</PageHeading>
      <p>
        Now: <TicketStatusBadge status={shown.status} />
      </p>
      {save.isError && <ProblemMessage error={save.error} />}
      <EditForm
        ticket={shown}
        pending={save.isPending}
        onSubmit={(fields, version) => save.mutate({ fields, version })}
      />
      {back}
    </>
  );
}

/**
 * Sends the version the form was filled from, not the latest one the cache may have refetched since: a change
 * made meanwhile by someone else is then refused (STALE_VERSION) instead of silently overwritten.
 */
function EditForm({
  ticket,
  pending,
  onSubmit,
}: {
  ticket: Ticket;
  pending: boolean;
  onSubmit: (fields: TicketFields, version: number) => void;
}) {
  const [version] = useState(ticket.version);
  return (
    <TicketForm
      ticket={ticket}
      submitLabel="Save changes"
      pending={pending}
      onSubmit={(fields) => onSubmit(fields, version)}
    />
  );
}
