import type { CombinedError, OperationResult } from '@urql/core';
import { useCallback, useState } from 'react';
import type { FieldError } from '../components/ErrorSummary.tsx';

/** What became of the last change the user asked for on a page. */
export interface ChangeFeedback {
  /** Problems with what was entered, each tied to its field: shown in the page's error summary. */
  errors: FieldError[];
  /** What someone else changed since it was read (the plan, the care team): the change was not made. */
  conflict?: string;
  /** What was saved, for the confirmation the page announces. */
  saved?: string;
  /** A failure that is no one field's fault (refused, unreachable). */
  failed?: string;
}

/** One change: the fields to check first, then the mutation, and what to call it once saved. */
export interface ChangeRequest<T> {
  /** Problems found before sending; nothing is sent when there are any. */
  invalid: FieldError[];
  /** Which form field each input field of the mutation is (input.description to goal-1-description). */
  fields: Record<string, string>;
  send: () => Promise<OperationResult<T>>;
  saved: string;
  /** What a CONFLICT means someone else changed. @default 'plan' */
  about?: string;
}

const none: ChangeFeedback = { errors: [] };

/** The server's words for a field, without the field's path: 'Field "input.x" must not be empty.' as 'Must not...'. */
function plainMessage(message: string): string {
  const words = message.replace(/^(Field|Argument) "[^"]+" /, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function feedbackFor(error: CombinedError, fields: Record<string, string>, about: string): ChangeFeedback {
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.['code'];
  if (code === 'CONFLICT') return { errors: [], conflict: about };
  if (code === 'BAD_USER_INPUT' && first) {
    const argument = String(first.extensions['argumentName'] ?? '');
    const field = fields[argument] ?? Object.values(fields)[0];
    if (field) return { errors: [{ field, message: plainMessage(first.message) }] };
  }
  return { errors: [], failed: first?.message ?? 'The service could not be reached. Try again.' };
}

/**
 * Runs the page's changes one at a time and keeps what became of the last: the field errors for the
 * error summary, a conflict with someone else's change, or what was saved. Every change the user
 * makes is sent with a fresh idempotency key (see `newKey`), so a retry by the network layer is safe.
 */
export function useChange(afterSave: () => void) {
  const [feedback, setFeedback] = useState<ChangeFeedback>(none);
  const [saving, setSaving] = useState(false);
  const run = useCallback(
    async <T>(request: ChangeRequest<T>): Promise<boolean> => {
      if (request.invalid.length > 0) {
        setFeedback({ errors: request.invalid });
        return false;
      }
      setSaving(true);
      try {
        const result = await request.send();
        if (result.error) {
          setFeedback(feedbackFor(result.error, request.fields, request.about ?? 'plan'));
          return false;
        }
        setFeedback({ errors: [], saved: request.saved });
        afterSave();
        return true;
      } finally {
        setSaving(false);
      }
    },
    [afterSave],
  );
  const clear = useCallback(() => setFeedback(none), []);
  const errorFor = (field: string) => feedback.errors.find((error) => error.field === field)?.message;
  return { feedback, saving, run, clear, errorFor };
}

/** A key for one change the user asked for; a retry of that request reuses it. */
export const newKey = () => crypto.randomUUID();
