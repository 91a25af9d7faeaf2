// A list of a file's or a pack's errors, each with the path of the bad field and its words (core/error-text.ts):
// the dashboard's import, the settings' pack installation and the editor show them the same way.
import type { JSX } from 'preact';
import type { DataError } from '../core/errors';
import { errorText } from '../core/error-text';
import type { Translate } from '../core/i18n';

interface ErrorListProps {
  t: Translate;
  errors: readonly Pick<DataError, 'path' | 'code' | 'params'>[];
  /** Show at most this many. */
  max?: number;
  role?: 'alert';
  class?: string;
  'data-testid'?: string;
}

export function ErrorList({ t, errors, max, ...rest }: ErrorListProps): JSX.Element {
  return (
    <ul {...rest}>
      {errors.slice(0, max ?? errors.length).map((e, i) => (
        <li key={i}>
          <code>{e.path || '/'}</code>: {errorText(t, e)}
        </li>
      ))}
    </ul>
  );
}
