/**
 * What the server actions of the request forms (staff bookings, the service desk, the public
 * page) answer when something goes wrong: the domain error's code, its message in the user's
 * language, and what the form needs to help (per-field message keys of the `validation`
 * namespace, ranked alternatives, message parameters).
 */
import 'server-only';
import { isDomainError } from '@/lib/errors';
import { localizeError } from '@/lib/i18n/error-message';

export interface SlotAlternative {
  resourceId: string;
  startAt: string;
  endAt: string;
  kind: 'same_resource' | 'other_resource';
}

export interface ActionFailure {
  ok: false;
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  alternatives?: SlotAlternative[];
  params?: Record<string, string | number>;
}

export async function actionFailure(error: unknown, wantedResourceId?: string): Promise<ActionFailure> {
  const localized = await localizeError(error);
  const params = isDomainError(error) ? error.details.params : undefined;
  return {
    ok: false,
    code: localized.code,
    message: localized.message,
    ...(localized.fields && { fieldErrors: localized.fields }),
    ...(localized.alternatives && {
      // Keep only what the page uses; the kind is derived when the domain did not send it.
      alternatives: localized.alternatives.map(({ resourceId, startAt, endAt }) => ({
        resourceId,
        startAt,
        endAt,
        kind: resourceId === wantedResourceId ? ('same_resource' as const) : ('other_resource' as const),
      })),
    }),
    ...(params && { params }),
  };
}
