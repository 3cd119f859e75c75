import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { APIA, expect, SUVA } from './fixtures';

/** Steps of the brokering journey as people take them in the web app, shared by the embedded and services tests. */

export interface Suggestion {
  memberId: string;
  name: string;
}
interface MemberPage {
  items: Array<{ id: string; name: string }>;
}

export async function json<T>(api: APIRequestContext, path: string): Promise<T> {
  const answer = await api.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

/**
 * Two members of a subregion that appear in each other's suggestions, so each official finds the
 * other on its page; none the other tests use (Suva, Apia), none with a partnership yet.
 */
export async function pairIn(admin: APIRequestContext, subregion: string): Promise<[Suggestion, Suggestion]> {
  const members = await json<MemberPage>(admin, `/api/v1/members?subregion=${encodeURIComponent(subregion)}&limit=20&status=active`);
  for (const member of members.items) {
    if (member.id === SUVA || member.id === APIA) continue;
    const theirs = await json<{ suggestions: Suggestion[] }>(admin, `/api/v1/members/${member.id}/suggestions?limit=20`);
    for (const candidate of theirs.suggestions) {
      if (candidate.memberId === SUVA || candidate.memberId === APIA) continue;
      const back = await json<{ suggestions: Suggestion[] }>(admin, `/api/v1/members/${candidate.memberId}/suggestions?limit=20`);
      const open = await json<{ total: number }>(admin, `/api/v1/partnerships?member=${member.id}&limit=1`);
      if (open.total === 0 && back.suggestions.some((s) => s.memberId === member.id))
        return [{ memberId: member.id, name: member.name }, candidate];
    }
  }
  throw new Error(`no pair of mutual suggestions in ${subregion}`);
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The suggestion card of a candidate on the suggestions page. */
export function cardOf(page: Page, name: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`\\b${escapeRegExp(name)},`) }) });
}

/** The official of `memberId` marks interest in `other` from its suggestions; answers the candidate's card. */
export async function markInterest(page: Page, memberId: string, other: Suggestion): Promise<Locator> {
  await page.goto(`/members/${memberId}/suggestions`);
  const card = cardOf(page, other.name);
  await card.getByRole('button', { name: 'Interested', exact: true }).click();
  await expect(page.getByText(`Interest in ${other.name} sent.`)).toBeVisible();
  await expect(card.getByText('Interest sent')).toBeVisible();
  return card;
}

/** The official of `memberId` answers `other`'s interest: the pair is mutual and a partnership opens. */
export async function answerInterest(page: Page, memberId: string, other: Suggestion): Promise<Locator> {
  await page.goto(`/members/${memberId}/suggestions`);
  const card = cardOf(page, other.name);
  // Double opt-in: one-sided interest in this member is not shown.
  await expect(card.getByRole('button', { name: 'Interested', exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Interested', exact: true }).click();
  await expect(page.getByText(`${other.name} is interested too: a partnership is open.`)).toBeVisible();
  await expect(card.getByText('Mutual interest.')).toBeVisible();
  return card;
}

/** The secretariat moves the partnership on its page to `stage` (an agreement needs its signatories). */
export async function moveTo(page: Page, stage: 'Introduced' | 'Exploring' | 'Agreement', signatories: string[] = []): Promise<void> {
  await page.getByLabel(stage, { exact: true }).check();
  if (stage === 'Agreement') await page.getByLabel('Signatories (one a line)').fill(signatories.join('\n'));
  await page.getByRole('button', { name: `Move to ${stage}` }).click();
  await expect(page.locator('.timeline [aria-current="step"]')).toHaveText(stage);
}

/** The suggestions page of `memberId` no longer lists `other` (the stored lists follow the partnership within seconds). */
export async function expectNotSuggested(page: Page, memberId: string, other: Suggestion): Promise<void> {
  const cards = page.getByRole('list', { name: 'Suggested partner cities' }).getByRole('heading', { level: 3 });
  await expect(async () => {
    await page.goto(`/members/${memberId}/suggestions`);
    await expect(cards.first()).toBeVisible();
    await expect(cardOf(page, other.name)).toHaveCount(0);
  }).toPass({ timeout: 30_000 });
}
