import { useId } from 'react';
import { ROLE_HINTS, ROLE_NAMES, TENANT_ROLES, type TenantRole } from '../auth/access';

/** The tenant roles as checkboxes in a fieldset: what each allows, in words next to it. */
export function RoleCheckboxes({
  legend,
  value,
  onChange,
  invalid = false,
}: {
  legend: string;
  value: readonly string[];
  onChange: (roles: TenantRole[]) => void;
  invalid?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="checkboxes" aria-invalid={invalid || undefined}>
      <legend>{legend}</legend>
      {TENANT_ROLES.map((role) => (
        <div className="checkbox" key={role}>
          <input
            type="checkbox"
            id={`${id}-${role}`}
            checked={value.includes(role)}
            aria-describedby={`${id}-${role}-hint`}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              onChange(TENANT_ROLES.filter((each) => (each === role ? checked : value.includes(each))));
            }}
          />
          <label htmlFor={`${id}-${role}`}>{ROLE_NAMES[role]}</label>
          <span id={`${id}-${role}-hint`} className="field-hint checkbox__hint">
            {ROLE_HINTS[role]}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
