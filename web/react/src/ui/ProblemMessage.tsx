import { sentenceFor } from '@airtix/web-shared/problems';
import type { ReactNode } from 'react';

/** A failed call, in a sentence, announced at once. */
export function ProblemMessage({ error, children }: { error: unknown; children?: ReactNode }) {
  return (
    <div className="notice notice--danger" role="alert">
      <p>{sentenceFor(error)}</p>
      {children}
    </div>
  );
}
