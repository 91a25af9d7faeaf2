// Errors are data (issue 16): core and extension say what is wrong as a code, the path of the bad field
// (a JSON pointer) and the values to show; pages translate them through locales/ (`error.<code>`).
import type vi from '../locales/vi.json';

/** A code with a translation in locales/: `pack.tooLong` is `error.pack.tooLong` in vi.json and en.json. */
export type ErrorCode = keyof typeof vi extends infer K ? (K extends `error.${infer C}` ? C : never) : never;

export interface DataError {
  /** The bad field as a JSON pointer (`/walkthroughs/0/title/vi`), `/` for the whole file; `src` for an attribute. */
  path: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/** A code used as a valibot message (the issue's message is the code; `issuesToErrors` reads it back). */
export const code = (c: ErrorCode): string => c;

const CODE = /^(?:pack|log|library|fetch|widget)\.[a-zA-Z]+$/;

/** Valibot issues as errors: the code set as the schema's message (else `invalid`), numeric limits as `max`. */
export function issuesToErrors(
  issues: readonly { message: string; requirement?: unknown; path?: readonly { key: unknown }[] }[],
  pointer: (keys: (string | number)[]) => string,
  extra: Partial<Record<ErrorCode, Record<string, string | number>>> = {},
): DataError[] {
  return issues.map((issue) => {
    const c = (CODE.test(issue.message) ? issue.message : 'invalid') as ErrorCode;
    const params = extra[c] ?? (typeof issue.requirement === 'number' ? { max: issue.requirement } : undefined);
    return { path: pointer((issue.path ?? []).map((p) => p.key as string | number)), code: c, ...(params ? { params } : {}) };
  });
}

/** An unexpected failure (a thrown Error, a refused message) shown as an error with its own short text. */
export const unexpected = (err: unknown, path = '/'): DataError => ({
  path,
  code: 'unexpected',
  params: { detail: (err instanceof Error ? err.message : String(err)).slice(0, 200) },
});
