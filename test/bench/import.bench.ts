/**
 * Import under load: how long other requests wait while the API checks a large import, and how big
 * the refusal is. Runs the real app in this process on the embedded stack (an in-memory database),
 * so the event loop measured is the API's own.
 *
 *   npm run bench:import
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { memberRecord } from '../support/member-factory';
import { startTestApp } from '../support/test-app';

interface Case {
  name: string;
  records: () => unknown[];
}

const CASES: Case[] = [
  { name: '100,000 empty records (300 KB)', records: () => Array.from({ length: 100_000 }, () => ({})) },
  { name: '1,000,000 empty records (3 MB)', records: () => Array.from({ length: 1_000_000 }, () => ({})) },
  {
    name: '20,000 valid records, the last one invalid (all checked)',
    records: () => {
      const records: Array<Record<string, unknown>> = Array.from({ length: 20_000 }, () => ({ ...memberRecord() }));
      records[records.length - 1].population = 0;
      return records;
    },
  },
];

async function main(): Promise<void> {
  const t = await startTestApp();
  console.log('| import | answer | answer size | time | longest event-loop stall | slowest concurrent GET /api/v1/themes |');
  console.log('|---|---|---|---|---|---|');
  try {
    for (const { name, records } of CASES) {
      const body = JSON.stringify(records());
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      let probing = true;
      let slowestProbe = 0;
      const probe = async () => {
        while (probing) {
          const started = performance.now();
          await t.http.get('/api/v1/themes').expect(200);
          slowestProbe = Math.max(slowestProbe, performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      const probing$ = probe();
      histogram.enable();
      const started = performance.now();
      const response = await t.http.post('/api/v1/members/import').set('content-type', 'application/json').send(body);
      const elapsed = performance.now() - started;
      histogram.disable();
      probing = false;
      await probing$;
      const size = Buffer.byteLength(JSON.stringify(response.body));
      console.log(
        `| ${name} | ${response.status}, ${response.body.details?.length ?? 0} problems listed | ${(size / 1024).toFixed(1)} KB | ${elapsed.toFixed(0)} ms | ${(histogram.max / 1e6).toFixed(0)} ms | ${slowestProbe.toFixed(0)} ms |`,
      );
    }
  } finally {
    await t.close();
  }
}

void main();
