import { DomainError } from '@/lib/errors';

/** A series request is a JSON object; its fields are checked by the domain's schemas. */
export function requestBody(json: unknown): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DomainError('invalid_input', undefined, { fields: { _form: ['required'] } });
  }
  return json as Record<string, unknown>;
}
