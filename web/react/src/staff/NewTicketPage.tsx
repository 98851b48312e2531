import { unwrap, type Ticket } from '@airtix/web-shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { PageHeading } from '../ui/PageHeading';
import { ProblemMessage } from '../ui/ProblemMessage';
import { TicketForm, type TicketFields } from './TicketForm';
import { useStaffAirline } from './useStaffAirline';
import { ticketName } from './ticketName';

/** Puts a new ticket of the person's airline on sale (`POST /api/tickets`). */
export function NewTicketPage() {
  const api = useApi();
  const airline = useStaffAirline();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (fields: TicketFields): Promise<Ticket> =>
      unwrap(api.tickets.POST('/api/tickets', { body: { ...fields, airline } })),
    onSuccess: (ticket) => {
      queryClient.setQueryData(['ticket', ticket.id], ticket);
      void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'tickets'] });
      void navigate('/staff/tickets', { state: { done: `${ticketName(ticket)} is on sale.` } });
    },
  });

  return (
    <>
      <PageHeading>New ticket of {airline}</PageHeading>
      {create.isError && <ProblemMessage error={create.error} />}
      <TicketForm
        submitLabel="Put on sale"
        pending={create.isPending}
        onSubmit={(fields) => create.mutate(fields)}
      />
      <p>
        <Link to="/staff/tickets">Back to the tickets</Link>
      </p>
    </>
  );
}
