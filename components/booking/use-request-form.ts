'use client';

/**
 * The controller every booking request form shares — staff booking, service desk filing, the
 * public booking page and admin's paper entry — so that each form file is only its view:
 *
 * - the slot as wall-clock fields (lib/forms/slot-fields.ts) ↔ the instants the server takes;
 * - checked in the browser with the server's own schema (and `check` for what the schema
 *   cannot know, like the chosen resource's capacity), messages on the fields; or, where the
 *   page must not carry zod (the public page), by the server before sending (`precheck`);
 * - submit → the server action → on success `onSuccess`; on a refusal the field messages go
 *   onto the fields (`fieldOf` puts a refusal such as over_capacity on its field too), what
 *   is left shows in the form's notice (`failure`), and the focus moves to the first field in
 *   page order with a message, else to the notice;
 * - `take(alternative)`: one of the offered slots goes into the form and is submitted at once;
 * - choosing another resource clears the slot and the refusal (a time chosen on one resource's
 *   calendar means nothing on another) and keeps the choice in the address.
 */
import { useRef, useState, type FormEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
} from 'react-hook-form';
import type { z } from 'zod';
import { useFieldMessage } from '@/components/forms/use-field-message';
import type { ActionFailure, ActionResult, SlotAlternative } from '@/lib/forms/action-result';
import type { SlotCodec } from '@/lib/forms/slot-fields';

type Name<Values> = keyof Values & string;

export interface RequestFormOptions<Values extends FieldValues & { resourceId: string }, Slot extends string, Data> {
  defaultValues: Values;
  slot: SlotCodec<Slot>;
  timeZone: string;
  /** The server's schema for these values (the service desk's depends on its mode). */
  schema?: (values: Values) => z.ZodType;
  /**
   * Instead of `schema` in the browser: the server checks the request with its schema before it
   * is sent, and its field messages go onto the fields as a refusal's do.
   */
  precheck?: (request: Record<string, unknown>) => Promise<ActionResult<unknown>>;
  /**
   * The request the schema and the server take. By default the form's values with the slot's
   * fields replaced by its instants (the schema drops what it does not know); a form with
   * fields of its own shape changes that `request`.
   */
  toRequest?: (values: Values, request: Record<string, unknown>) => Record<string, unknown>;
  /** Checks the schema cannot make, as messages by field (the chosen resource's capacity). */
  check?: (values: Values) => Partial<Record<Name<Values>, string>>;
  /** Request fields shown on a differently named form field, and refusal codes that belong on a field. */
  fieldOf?: Partial<Record<string, Name<Values>>>;
  /** The page's fields in order: the focus goes to the first one with a message. */
  focusOrder: readonly Name<Values>[];
  send: (request: Record<string, unknown>, values: Values) => Promise<ActionResult<Data>>;
  onSuccess: (data: Data, values: Values) => void;
  /** The form stays on the page after a success, for the next entry (else it is left: busy until then). */
  stays?: boolean;
  /** Keeps the chosen resource in the address: the query parameter and its value for a resource id. */
  resourceParam?: { name: string; value: (resourceId: string) => string | undefined };
}

export function useRequestForm<Values extends FieldValues & { resourceId: string }, Slot extends string, Data>(
  options: RequestFormOptions<Values, Slot, Data>,
) {
  const { slot, timeZone, fieldOf = {}, focusOrder } = options;
  const message = useFieldMessage();
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  /** The resource the refused request asked for: an offer on it is another time, any other another place. */
  const [wantedResourceId, setWantedResourceId] = useState('');
  const [leaving, setLeaving] = useState(false);

  const slotValues = (values: Values) => values as unknown as Record<Slot, string>;
  const requestOf = (values: Values) => {
    const request: Record<string, unknown> = { ...values, ...slot.instants(slotValues(values), timeZone) };
    for (const field of slot.fields) delete request[field];
    return options.toRequest ? options.toRequest(values, request) : request;
  };
  /** The form field that shows a message about a request field or a refusal code. */
  const fieldFor = (key: string, values: Values): Name<Values> | null => {
    if (key === 'startAt' || key === 'endAt') return slot.fieldFor(key, slotValues(values)) as Name<Values>;
    return fieldOf[key] ?? (key in options.defaultValues ? (key as Name<Values>) : null);
  };

  // Built each render: it reads the latest schema and checks (react-hook-form takes the newest).
  const resolver: Resolver<Values> = async (values, context, resolverOptions) => {
    let schemaErrors: Record<string, { message?: string }> = {};
    if (options.schema) {
      // Loaded with the first check: a form without a schema carries none of it.
      const { zodResolver } = await import('@hookform/resolvers/zod');
      const resolve = zodResolver(options.schema(values) as never) as unknown as (
        ...args: unknown[]
      ) => Promise<{ errors: Record<string, { message?: string }> }>;
      ({ errors: schemaErrors } = await resolve(requestOf(values), context, { ...resolverOptions, names: undefined }));
    }
    const errors: Record<string, FieldError> = {};
    const put = (field: Name<Values> | null, text: string | undefined) => {
      if (!field || errors[field]) return;
      errors[field] = { type: 'validate', message: text, ref: resolverOptions.fields[field]?.ref };
    };
    // The page's own checks first: "this room holds 40" says more than the schema's "at most 200".
    for (const [field, text] of Object.entries(options.check?.(values) ?? {})) put(field as Name<Values>, text as string);
    for (const [key, error] of Object.entries(schemaErrors)) put(fieldFor(key, values), message(error.message));
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors: errors as FieldErrors<Values> };
  };

  const form = useForm<Values>({
    resolver,
    defaultValues: options.defaultValues as DefaultValues<Values>,
    // Checked on submit, then as the fields change: a message appearing on blur would move the
    // submit button under a finger that is about to tap it.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const set = (field: Name<Values>, value: string) =>
    form.setValue(field as Path<Values>, value as PathValue<Values, Path<Values>>, {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    });

  const focusField = (field: Name<Values>) => {
    // A start chosen in a grid has no input of its own: its summary line takes the focus.
    if (field === 'startTime' && summaryRef.current) summaryRef.current.focus();
    else form.setFocus(field as Path<Values>);
  };

  /** The refusal onto the fields; the rest stays for the notice. The focus follows once drawn. */
  const showFailure = (result: ActionFailure, values: Values) => {
    const onFields = new Map<Name<Values>, string>();
    for (const [key, [text]] of Object.entries(result.fieldErrors ?? {})) {
      const field = fieldFor(key, values);
      if (field && !onFields.has(field)) onFields.set(field, text);
    }
    const codeField = fieldOf[result.code];
    if (codeField && !onFields.has(codeField)) onFields.set(codeField, result.message);
    for (const [field, text] of onFields) form.setError(field as Path<Values>, { type: 'server', message: text });
    const unplaced = Object.keys(result.fieldErrors ?? {}).some((key) => !fieldFor(key, values));
    const placed = onFields.size > 0 && !unplaced && !result.alternatives?.length;
    setFailure(placed ? null : result);
    setWantedResourceId(values.resourceId);
    const first = focusOrder.find((field) => onFields.has(field));
    requestAnimationFrame(() => (first ? focusField(first) : failureRef.current?.focus()));
  };

  const onValid = async (values: Values) => {
    setFailure(null);
    const request = requestOf(values);
    const checked = options.precheck ? await options.precheck(request) : null;
    if (checked && !checked.ok) return showFailure(checked, values);
    const result = await options.send(request, values);
    if (result.ok) {
      if (!options.stays) setLeaving(true);
      options.onSuccess(result.data, values);
      return;
    }
    showFailure(result, values);
  };

  const onInvalid = async (invalid: Partial<Record<string, unknown>>) => {
    const wrong = new Set(Object.keys(invalid));
    // A page checked by the server (precheck) has stopped on its own check before the server
    // looked: ask it too, so every field's message shows at once.
    if (options.precheck) {
      const values = form.getValues();
      const checked = await options.precheck(requestOf(values));
      for (const [key, [text]] of Object.entries((!checked.ok && checked.fieldErrors) || {})) {
        const field = fieldFor(key, values);
        if (!field || wrong.has(field)) continue;
        wrong.add(field);
        form.setError(field as Path<Values>, { type: 'server', message: text });
      }
    }
    const first = focusOrder.find((field) => wrong.has(field));
    if (first) focusField(first);
  };

  // Built per call, not during render: the callbacks use refs (focus), which render must not read.
  const submit = (event?: FormEvent) => form.handleSubmit(onValid, onInvalid)(event);

  /** Puts a slot (a pick in a calendar or grid, an alternative) into the form. */
  const setSlot = (values: Partial<Record<Slot | 'resourceId', string>>) => {
    for (const [field, value] of Object.entries(values)) set(field as Name<Values>, value as string);
    setFailure(null);
  };

  const take = (alternative: SlotAlternative) => {
    if (alternative.resourceId !== form.getValues('resourceId' as Path<Values>)) rememberResource(alternative.resourceId);
    setSlot({ resourceId: alternative.resourceId, ...slot.fromInstants(alternative, timeZone) } as Record<Slot | 'resourceId', string>);
    void submit();
  };

  const rememberResource = (resourceId: string) => {
    if (!options.resourceParam) return;
    const url = new URL(window.location.href);
    const value = options.resourceParam.value(resourceId);
    if (value) url.searchParams.set(options.resourceParam.name, value);
    else url.searchParams.delete(options.resourceParam.name);
    window.history.replaceState(null, '', url);
  };

  /** The resource select or radio group: another resource clears the slot's day and times. */
  const resourceField = form.register('resourceId' as Path<Values>, {
    onChange: (event: { target: { value: string } }) => {
      for (const field of slot.fields) {
        if (field !== 'duration') form.setValue(field as unknown as Path<Values>, '' as PathValue<Values, Path<Values>>);
      }
      form.clearErrors();
      setFailure(null);
      rememberResource(event.target.value);
    },
  });

  return {
    form,
    /** The refusal as far as it is not shown on the fields (with any alternatives). */
    failure,
    /** The free slots offered instead, ready for <SlotAlternatives {...offers} resources={…} />. */
    offers: failure?.alternatives?.length
      ? { alternatives: failure.alternatives, wantedResourceId, timeZone, disabled: form.formState.isSubmitting || leaving, onTake: take }
      : null,
    busy: form.formState.isSubmitting || leaving,
    submit,
    take,
    setSlot,
    resourceField,
    /** The request the current values make (to look something up before submitting). */
    request: () => requestOf(form.getValues()),
    clearFailure: () => setFailure(null),
    summaryRef,
    failureRef,
  };
}
