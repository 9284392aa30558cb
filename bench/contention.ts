/**
 * Contention: 32 clients racing for 10 slots, round after round, through the
 * domain function. Exactly one winner per slot, nothing but acceptances and 409s (slot_taken
 * with alternatives), and a refusal's p95 at most 1.5× an acceptance's. Then one client alone:
 * a request for a taken slot against an accepted one (≤ 1.5×). The process's resident memory is
 * sampled throughout.
 *
 *   npx tsx bench/contention.ts [rounds]
 */
import { performance } from 'node:perf_hooks';
import { createStaffRequest } from '@/lib/booking/create';
import { isDomainError } from '@/lib/errors';
import { bookableResources, freeSlots, latencyRow, p95Figure, runIfMain, withScratchDatabase, type BenchRow, type WriteBench } from './write-kit';

const CLIENTS = 32;
const SLOTS = 10;
const MB = 1024 * 1024;

export async function benchContention(bench: WriteBench, rounds = 200): Promise<BenchRow[]> {
  const { db, staff, admin } = bench;
  // The ten slots of a round lie on as many resources as there are (the demo data has fewer).
  const resources = (await bookableResources(db)).slice(0, SLOTS);
  const single = Math.min(rounds, 100);
  const free = await freeSlots(db, resources, Math.ceil(SLOTS / resources.length) * rounds + single);
  const request = (resourceId: string, slot: { startAt: Date; endAt: Date }, who = staff) =>
    createStaffRequest(db, who, { resourceId, ...slot, purpose: '抢占测试', attendees: 1, phone: '13800138000' });

  let rss = process.memoryUsage().rss;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 50);
  const accepted: number[] = [];
  const refused: number[] = [];
  let failures = 0;
  let wrongWinners = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const slots = Array.from({ length: SLOTS }, (_, k) => {
        const resourceId = resources[k % resources.length].id;
        return { resourceId, ...free.get(resourceId)!.shift()! };
      });
      const winners = new Array<number>(SLOTS).fill(0);
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const { resourceId, ...slot } = slots[client % SLOTS];
          const start = performance.now();
          try {
            await request(resourceId, slot, client % 2 ? staff : admin);
            accepted.push(performance.now() - start);
            winners[client % SLOTS]++;
          } catch (error) {
            const ms = performance.now() - start;
            if (isDomainError(error) && error.code === 'slot_taken' && Array.isArray(error.details?.alternatives)) refused.push(ms);
            else failures++;
          }
        }),
      );
      wrongWinners += winners.filter((n) => n !== 1).length;
    }
  } finally {
    clearInterval(sampler);
  }

  // One client: an accepted request, then the same slot again (409 with alternatives).
  const soloAccepted: number[] = [];
  const soloRefused: number[] = [];
  for (let i = 0; i < single; i++) {
    const resource = resources[i % resources.length];
    const slot = free.get(resource.id)!.shift()!;
    let start = performance.now();
    await request(resource.id, slot);
    soloAccepted.push(performance.now() - start);
    start = performance.now();
    await request(resource.id, slot, admin).then(
      () => {
        throw new Error('a taken slot was granted');
      },
      (error: unknown) => {
        if (!isDomainError(error) || error.code !== 'slot_taken') throw error;
      },
    );
    soloRefused.push(performance.now() - start);
  }

  const race = latencyRow(`${CLIENTS} clients × ${SLOTS} slots × ${rounds} rounds: refusal vs acceptance`, refused, accepted, 1.5);
  return [
    {
      ...race,
      floor: { ...p95Figure(accepted), text: `acceptance ${p95Figure(accepted).text}` },
      met: race.met && wrongWinners === 0 && failures === 0,
      note: `slots without exactly one winner: ${wrongWinners}; other errors: ${failures}; accepted ${accepted.length}, refused ${refused.length}`,
    },
    { ...latencyRow('one client: 409 with alternatives vs accepted', soloRefused, soloAccepted, 1.5) },
    {
      path: 'resident memory during the race (a process of its own)',
      app: { value: rss / MB, text: `${(rss / MB).toFixed(0)} MB` },
      floor: null,
      ratio: null,
      goal: '< 400 MB',
      met: rss < 400 * MB,
      samples: 1,
    },
  ];
}

runIfMain(import.meta.url, () => withScratchDatabase('contention', (bench) => benchContention(bench, Number(process.argv[2] ?? 200))));
