/**
 * What every server action answers (lib/forms/server-action.ts writes it; forms read it). Pure
 * types and helpers with no server imports, so client components can use them.
 *
 * - `ok: true`: `data` is what the domain function gave back (an id, a reference, counts…) and
 *   `message` a short confirmation in the user's language, when the action has one.
 * - `ok: false`: `code` is the domain error's code (`forbidden`, `slot_taken`, `invalid_input`,
 *   … or `internal`), `message` its text in the user's language. `fieldErrors` are messages in
 *   the user's language too, by request field (dotted path; `_form` for the input as a whole).
 *   `alternatives` are free slots instead of a taken one, `params` the values the message names
 *   (e.g. `earliest`), and `values` what was typed into a plain form, so that the form can be
 *   shown again as it was (React resets a form after its action runs).
 */
export interface SlotAlternative {
  resourceId: string;
  /** ISO instants. */
  startAt: string;
  endAt: string;
}

export interface ActionSuccess<T = undefined> {
  ok: true;
  data: T;
  message?: string;
}

export interface ActionFailure {
  ok: false;
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  alternatives?: SlotAlternative[];
  params?: Record<string, string | number>;
  values?: Record<string, string>;
}

export type ActionResult<T = undefined> = ActionSuccess<T> | ActionFailure;

/** A plain form's server action, as a component takes it in its props (components never import app/). */
export type FormAction = (previous: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;

/** The first message for one of `names` (the form's field and the request field it stands for). */
export function fieldError(result: ActionResult<unknown> | null | undefined, ...names: string[]): string | undefined {
  if (!result || result.ok) return undefined;
  return names.map((name) => result.fieldErrors?.[name]?.[0]).find((message) => message !== undefined);
}

/** What was typed into a plain form before a refusal, to show it again. */
export function typedValue(result: ActionResult<unknown> | null | undefined, name: string): string | undefined {
  return result && !result.ok ? result.values?.[name] : undefined;
}
