'use client';

import { useEffect, useMemo, useState } from 'react';
import { addDays, zonedInstant } from '@/lib/calendar/working-days';
import type { PublicAvailability } from '@/lib/customer/public';
import type { Interval } from '@/lib/customer/start-grid';

export type MaintenancePeriod = PublicAvailability['maintenance'][number];

/**
 * A customer-bookable resource's busy time for the week starting on `week` (a Monday, in the
 * organisation's zone), from GET /api/v1/public/availability — the answer any client of the
 * public API gets, with the maintenance periods among it. `error`: the server's message ('' when it gave none), null while fine.
 */
export function useBusyWeek(resourceId: string, week: string, timeZone: string, locale: string) {
  const [attempt, setAttempt] = useState(0);
  const key = `${resourceId}|${week}|${attempt}`;
  const [loaded, setLoaded] = useState<{ key: string; busy: Interval[]; maintenance: MaintenancePeriod[]; error: string | null } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams({
      resourceId,
      from: zonedInstant(week, '00:00', timeZone).toISOString(),
      to: zonedInstant(addDays(week, 7), '00:00', timeZone).toISOString(),
      locale,
    });
    fetch(`/api/v1/public/availability?${query}`, { signal: controller.signal, cache: 'no-store' })
      .then(async (res) => {
        const body = await res.json().catch(() => null);
        if (!res.ok || !Array.isArray(body?.busy)) throw new Error(body?.error?.message ?? '');
        const busy = (body.busy as { startAt: string; endAt: string }[]).map((b) => ({
          start: Date.parse(b.startAt),
          end: Date.parse(b.endAt),
        }));
        const maintenance = Array.isArray(body.maintenance) ? (body.maintenance as MaintenancePeriod[]) : [];
        setLoaded({ key, busy, maintenance, error: null });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ key, busy: [], maintenance: [], error: error instanceof Error ? error.message : '' });
      });
    return () => controller.abort();
  }, [key, resourceId, week, timeZone, locale]);

  const loading = loaded?.key !== key;
  const busy = useMemo(() => (loading ? [] : (loaded?.busy ?? [])), [loading, loaded]);
  const maintenance = loading ? [] : (loaded?.maintenance ?? []);
  return { busy, maintenance, loading, error: loading ? null : (loaded?.error ?? null), retry: () => setAttempt((n) => n + 1) };
}
