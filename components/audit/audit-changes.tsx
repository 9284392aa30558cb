/**
 * One audit entry's change, readably: each field by its label, old value struck through → new
 * value, then the reason. A record's own history says "added" for its creation (its values are
 * on the page above); the audit log lists the values it was created with.
 */
import { useTranslations } from 'next-intl';
import type { AuditEntry } from '@/db/schema';

/** Fields whose stored value is a code with a name of its own (namespace of the names). */
const NAMED_VALUES: Record<string, 'role' | 'resourceState' | 'holidayKind'> = { role: 'role', state: 'resourceState', kind: 'holidayKind' };

/** A stored value as text: codes by their name, lists joined, yes/no for flags, JSON only for what is left. */
function Value({ field, value }: { field: string; value: unknown }) {
  const t = useTranslations('common');
  const tRole = useTranslations('role');
  const tState = useTranslations('resourceState');
  const tKind = useTranslations('holidays.kind');
  if (value === null || value === undefined || value === '') return <>—</>;
  const named = { role: tRole, resourceState: tState, holidayKind: tKind, none: null }[NAMED_VALUES[field] ?? 'none'];
  if (named && typeof value === 'string' && named.has(value)) return <>{named(value)}</>;
  if (typeof value === 'boolean') return <>{value ? t('yes') : t('no')}</>;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return <>{value.join('、')}</>;
  return <>{typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)}</>;
}

export function AuditChanges({ entry, createdAsAdded = false }: { entry: Pick<AuditEntry, 'action' | 'before' | 'after' | 'note'>; createdAsAdded?: boolean }) {
  const t = useTranslations('resourceAdmin.history');
  const tSettings = useTranslations('settings.fields');
  const label = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : tSettings.has(`${field}.label`) ? tSettings(`${field}.label`) : field);
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  return (
    <>
      {entry.action === 'create' && createdAsAdded ? (
        t('created')
      ) : (
        <ul className="flex flex-col gap-0.5">
          {fields.map((field) => (
            <li key={field} className="break-words">
              <span className="font-medium">{label(field)}</span>:{' '}
              {entry.before && field in entry.before && (
                <>
                  <span className="text-slate-500 line-through">
                    <Value field={field} value={entry.before[field]} />
                  </span>{' '}
                  →{' '}
                </>
              )}
              <Value field={field} value={entry.after?.[field]} />
            </li>
          ))}
        </ul>
      )}
      {entry.note && <p className="mt-1 text-slate-600">{entry.note}</p>}
    </>
  );
}
