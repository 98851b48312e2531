import { unwrap, type Airline } from '@airtix/web-shared/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { PageHeading } from '../ui/PageHeading';
import { ProblemMessage } from '../ui/ProblemMessage';

const PAGE_SIZE = 20;

/**
 * The airlines, for platform admins (`GET /api/airlines`), and a new one with its first tenant admin
 * (`POST /api/airlines`): Keycloak mails that person an invitation; from then on the airline's staff is its
 * tenant admins' business, not the platform's.
 */
export function AirlinesPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const airlines = useQuery({
    queryKey: ['airlines', page],
    queryFn: ({ signal }) =>
      unwrap(api.tenants.GET('/api/airlines', { params: { query: { page, size: PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });
  // the API's page has no total: a full page may have a next one
  const more = (airlines.data?.items.length ?? 0) >= PAGE_SIZE;

  return (
    <>
      <PageHeading>Airlines</PageHeading>
      {airlines.isError && <ProblemMessage error={airlines.error} />}
      {airlines.isPending && <p role="status">Loading the airlines…</p>}
      {airlines.data && airlines.data.items.length === 0 && <p>No airline sells on Airtix yet.</p>}
      {airlines.data && airlines.data.items.length > 0 && (
        <table className="orders">
          <caption className="visually-hidden">Airlines on Airtix</caption>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Name</th>
            </tr>
          </thead>
          <tbody>
            {airlines.data.items.map((airline) => (
              <tr key={airline.alias}>
                <th scope="row" className="id">
                  {airline.alias}
                </th>
                <td>{airline.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {airlines.data && (page > 0 || more) && (
        <nav className="pager" aria-label="Pages of airlines">
          <button
            type="button"
            className="button button--secondary"
            disabled={page <= 0}
            onClick={() => setParams(page - 1 === 0 ? {} : { page: String(page) })}
          >
            Previous page
          </button>
          <span aria-current="page">Page {page + 1}</span>
          <button
            type="button"
            className="button button--secondary"
            disabled={!more}
            onClick={() => setParams({ page: String(page + 2) })}
          >
            Next page
          </button>
        </nav>
      )}
      <CreateAirlineForm />
    </>
  );
}

function CreateAirlineForm() {
  const api = useApi();
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ alias: '', name: '', firstTenantAdminEmail: '' });
  const [incomplete, setIncomplete] = useState(false);
  const create = useMutation({
    mutationFn: async (): Promise<{ airline: Airline; created: boolean; invited: string }> => {
      const body = {
        alias: values.alias.trim().toLowerCase(),
        name: values.name.trim(),
        firstTenantAdminEmail: values.firstTenantAdminEmail.trim(),
      };
      const call = api.tenants.POST('/api/airlines', { body });
      const airline = await unwrap(call);
      const { response } = await call;
      return { airline, created: response.status === 201, invited: body.firstTenantAdminEmail };
    },
    onSuccess: () => {
      setValues({ alias: '', name: '', firstTenantAdminEmail: '' });
      void queryClient.invalidateQueries({ queryKey: ['airlines'] });
    },
  });
  const field = (name: keyof typeof values) => ({
    id: `${id}-${name}`,
    value: values[name],
    'aria-invalid': (incomplete && !values[name].trim()) || undefined,
    onChange: (event: { currentTarget: HTMLInputElement }) => {
      const value = event.currentTarget.value;
      setValues((before) => ({ ...before, [name]: value }));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = Object.values(values).some((value) => !value.trim());
    setIncomplete(missing);
    if (!missing) create.mutate();
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="form__wide">
        New airline
      </h2>
      {incomplete && (
        <div className="notice notice--danger form__wide" role="alert">
          <p>Please fill in the id, the name and the first administrator’s email.</p>
        </div>
      )}
      {create.isError && (
        <div className="form__wide">
          <ProblemMessage error={create.error} />
        </div>
      )}
      {create.data && (
        <div className="notice notice--success form__wide" role="status">
          <p>
            {create.data.created
              ? `${create.data.airline.name} (${create.data.airline.alias}) was created. An invitation to be its tenant admin went to ${create.data.invited}.`
              : `${create.data.airline.name} (${create.data.airline.alias}) existed already with this name; nothing changed.`}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-alias`}>Id</label>
        <input
          {...field('alias')}
          autoComplete="off"
          autoCapitalize="none"
          maxLength={31}
          aria-describedby={`${id}-alias-hint`}
        />
        <p id={`${id}-alias-hint`} className="field-hint">
          Lower-case letters, digits and hyphens, starting with a letter, e.g. aerolux. It cannot be changed
          later.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input {...field('name')} autoComplete="organization" maxLength={100} />
      </div>
      <div className="field form__wide">
        <label htmlFor={`${id}-firstTenantAdminEmail`}>First tenant admin’s email</label>
        <input
          {...field('firstTenantAdminEmail')}
          type="email"
          autoComplete="off"
          aria-describedby={`${id}-admin-hint`}
        />
        <p id={`${id}-admin-hint`} className="field-hint">
          This person is invited to run the airline on Airtix: its staff, tickets, orders and payments.
        </p>
      </div>
      <div className="form__wide actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create airline'}
        </button>
      </div>
    </form>
  );
}
