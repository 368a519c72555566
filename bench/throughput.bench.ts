/**
 * Authenticated read throughput: the worklist and the course page of a contact person, served by
 * the whole app over HTTP (session, CSRF-free GET, access rules, audit, JSON schemas), against a
 * bare Fastify route returning the same JSON, with the same number of connections. autocannon
 * drives both from this process; alternating runs, median requests per second.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { SESSION_COOKIE } from '../apps/server/src/features/auth/auth.plugin.ts';
import { signInAsSyntheticUser } from '../apps/server/src/features/auth/auth.service.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import { syntheticActor } from './support/actors.ts';
import type { DataSet } from './support/datasets.ts';
import { median } from './support/measure.ts';
import type { ResultRow } from './support/results.ts';

const CONNECTIONS = 10;
const SECONDS = 8;
const RUNS = 3;

async function requestsPerSecond(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

export async function throughputBenchmark(data: DataSet, label: string): Promise<ResultRow[]> {
  const { database } = data;
  const clock = fixedClock(`${data.set.today}T09:00:00Z`);
  const app = await buildApp({
    database,
    clock,
    config: { sessionIdleMinutes: 600, sessionMaxHours: 24, cookieSecure: true, demo: false, webDistDir: '/nonexistent-web-dist', logLevel: 'silent' },
    logger: false,
  });
  const bare = Fastify({ logger: false });
  try {
    const actor = await syntheticActor(database, 'syn.0101.contact-person1');
    const signedIn = await signInAsSyntheticUser({ db: database.db, clock, demo: false, policy: { idleMinutes: 600, maxHours: 24 } }, actor.userId);
    const headers = { cookie: `${SESSION_COOKIE}=${signedIn.token}` };
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const worklist = await fetch(`${base}/api/worklist`, { headers }).then((r) => r.text());
    const courseId = (JSON.parse(worklist) as { items: { courseId: string }[] }).items[0]?.courseId;
    if (!courseId) throw new Error('the contact person has no open course');
    const course = await fetch(`${base}/api/courses/${courseId}`, { headers }).then((r) => r.text());
    bare.get('/worklist', async (_request, reply) => reply.type('application/json').send(worklist));
    bare.get('/course', async (_request, reply) => reply.type('application/json').send(course));
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

    const rows: ResultRow[] = [];
    for (const [name, ours, floor, bytes] of [
      ['worklist', `${base}/api/worklist`, `${bareBase}/worklist`, worklist.length],
      ['course page', `${base}/api/courses/${courseId}`, `${bareBase}/course`, course.length],
    ] as const) {
      const o: number[] = [];
      const f: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        o.push(await requestsPerSecond(ours, headers));
        f.push(await requestsPerSecond(floor, {}));
      }
      const ourRate = median(o);
      const floorRate = median(f);
      rows.push({
        measure: `authenticated read throughput: ${name}`,
        size: label,
        ours: ourRate,
        floor: floorRate,
        unit: 'req/s',
        floorIs: `a bare Fastify route returning the same JSON (${(bytes / 1024).toFixed(1)} kB), same connections`,
        target: '≥ 30 % of the bare route',
        met: ourRate >= 0.3 * floorRate,
        note: `${CONNECTIONS} connections, ${SECONDS} s × ${RUNS} alternating runs, medians; every request audited`,
        at: new Date().toISOString(),
      });
    }
    return rows;
  } finally {
    await app.close();
    await bare.close();
  }
}
