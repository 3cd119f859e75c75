import { THEME_SLUGS } from '../../../src/reference/themes';
import type { BenchStack } from './bench-stack';
import { waitIdle } from './recompute-timeline';
import { seededRandom } from './stats';

export interface UpdateSample {
  memberId: string;
  /** PATCH sent → the member's own suggestions, read through the API, are the new ones. */
  ms: number;
  phases?: Record<UpdatePhase, number>;
}

export const UPDATE_PHASES = ['PATCH', 'outbox relay', 'coalescing delay + pickup', 'incremental job', 'seen by reader'] as const;
export type UpdatePhase = (typeof UPDATE_PHASES)[number];

/**
 * One member at a time: read it and its suggestions, PATCH its needs to themes it did not need,
 * then read its suggestions every few milliseconds until they differ from before.
 */
export async function measureUpdates(
  stack: BenchStack,
  { baseUrl, headers }: { baseUrl: string; headers: Record<string, string> },
  ids: string[],
  samples: number,
): Promise<UpdateSample[]> {
  const json = (url: string) => getJson(url, headers);
  const random = seededRandom(4);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(samples, ids.length)) chosen.add(ids[Math.floor(random() * ids.length)]);
  const results: Array<UpdateSample & { sent: number; patched: number; seen: number }> = [];
  for (const memberId of chosen) {
    const member = await json(`${baseUrl}/api/v1/members/${memberId}`);
    const suggestionsUrl = `${baseUrl}/api/v1/members/${memberId}/suggestions`;
    const before = signature(await json(suggestionsUrl));
    const fresh = THEME_SLUGS.filter((slug) => !(slug in member.needs) && !(slug in member.offers));
    const needs = Object.fromEntries(fresh.slice(0, 3).map((slug) => [slug, 3]));
    const sent = Date.now();
    const response = await fetch(`${baseUrl}/api/v1/members/${memberId}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ version: member.version, needs }),
    });
    if (!response.ok) throw new Error(`PATCH ${memberId}: ${response.status} ${await response.text()}`);
    const patched = Date.now();
    for (;;) {
      if (signature(await json(suggestionsUrl)) !== before) break;
      if (Date.now() - sent > 30_000) throw new Error(`suggestions of ${memberId} unchanged 30 s after its update`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const seen = Date.now();
    results.push({ memberId, ms: seen - sent, sent, patched, seen });
    await waitIdle(stack);
  }
  const jobs = (await stack.queue.getJobs(['completed'], 0, -1)).filter((job) => job.name === 'member.changed');
  return results.map((sample) => {
    const job = jobs
      .filter((candidate) => candidate.data.memberId === sample.memberId && candidate.timestamp >= sample.sent)
      .sort((a, b) => a.timestamp - b.timestamp)[0];
    if (!job) return { memberId: sample.memberId, ms: sample.ms };
    const phases: Record<UpdatePhase, number> = {
      PATCH: sample.patched - sample.sent,
      'outbox relay': job.timestamp - sample.patched,
      'coalescing delay + pickup': job.processedOn! - job.timestamp,
      'incremental job': job.finishedOn! - job.processedOn!,
      'seen by reader': sample.seen - job.finishedOn!,
    };
    return { memberId: sample.memberId, ms: sample.ms, phases };
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function getJson(url: string, headers: Record<string, string>): Promise<any> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
}

function signature(view: { suggestions: Array<{ memberId: string; score: number }> }): string {
  return view.suggestions.map((s) => `${s.memberId}:${s.score}`).join(',');
}
