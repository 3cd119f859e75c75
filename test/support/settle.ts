import { computeTopKSync, type MatchProfile, pairComponents, prepareDataset, type ScoredCandidate } from '@citymatch/matching';
import { JobQueue } from '../../src/jobs/job-queue';
import { OutboxRelay } from '../../src/jobs/outbox/outbox-relay';
import { MemberProfilesReader } from '../../src/members';
import { SuggestionsRepository } from '../../src/suggestions/storage/suggestions.repository';
import type { TestApp } from './test-app';

/** Waits until every recorded change has been enqueued, every job has run and no generation is being built. */
export async function settle(t: TestApp, timeoutMs = 60_000): Promise<void> {
  const relay = t.app.get(OutboxRelay);
  const queue = t.app.get(JobQueue);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await relay.relay();
    await queue.drain();
    const [{ outbox, building }] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM outbox) AS outbox,
              (SELECT count(*)::int FROM suggestion_generations WHERE state = 'building') AS building`,
    );
    const queued = await queue.pendingJobs();
    if (outbox === 0 && building === 0 && queued === 0) return;
    if (Date.now() > deadline) throw new Error(`not settled: outbox ${outbox}, building ${building}, queued ${queued}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The stored lists of the current generation next to a fresh full computation from the members now
 * stored, each suggestion with its components (stored ones as read back; fresh ones from
 * pairComponents, at the stored precision).
 */
export async function storedAndFresh(t: TestApp) {
  const repository = new SuggestionsRepository(t.dataSource);
  const generation = await repository.currentGeneration();
  if (!generation) throw new Error('no current generation');
  const stored = await repository.readLists(generation.id);
  const storedComponents = new Map<string, unknown[]>();
  for (const id of stored.keys()) storedComponents.set(id, await repository.readStoredComponents(generation.id, id));
  const profiles = await new MemberProfilesReader(t.dataSource).active();
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const fresh = new Map<string, ScoredCandidate[]>();
  const lists = computeTopKSync(prepareDataset(profiles), { k: generation.k, weights: generation.weights });
  for (const { id, suggestions } of lists.entries()) if (suggestions.length > 0) fresh.set(id, suggestions);
  return {
    stored: sortedEntries(stored, (memberId, _candidateId, rank) => storedComponents.get(memberId)?.[rank]),
    fresh: sortedEntries(fresh, (memberId, candidateId) => expectedComponents(byId.get(memberId)!, byId.get(candidateId)!)),
  };
}

function expectedComponents(member: MatchProfile, candidate: MatchProfile) {
  const { aFromB, bFromA } = pairComponents(member, candidate);
  const f = Math.fround;
  return {
    thematic: f(aFromB.thematic),
    thematicBack: f(bFromA.thematic),
    shared: f(aFromB.shared),
    sharedBack: f(bFromA.shared),
    population: f(aFromB.population),
    geo: f(aFromB.geo),
    language: f(aFromB.language),
  };
}

function sortedEntries(
  lists: Map<string, ScoredCandidate[]>,
  componentsOf: (memberId: string, candidateId: string, rank: number) => unknown,
) {
  return [...lists.entries()]
    .filter(([, list]) => list.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, list]) => ({
      id,
      list: list.map((candidate, rank) => ({
        id: candidate.id,
        score: Number(candidate.score.toFixed(9)),
        components: componentsOf(id, candidate.id, rank),
      })),
    }));
}
