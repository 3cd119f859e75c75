import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFitsWidth, test } from './support/fixtures';
import { json, pairIn } from './support/journey';

interface Partnership {
  id: string;
  version: number;
  milestones: unknown[];
}

/** A write as the page makes it: with the session cookie and its CSRF token echoed in a header. */
async function writeAsPage(page: Page, path: string, data: object) {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'cm_csrf')?.value ?? '';
  return page.request.post(path, { data, headers: { 'X-CSRF-Token': decodeURIComponent(csrf) } });
}

test('an official’s partnership page offers what the API allows at each stage: decline early, milestones and activities while open', async ({
  page,
  signIn,
  admin,
}) => {
  const [a, b] = await pairIn(admin, 'Australia and New Zealand');
  const opened = await admin.post('/api/v1/partnerships', { data: { memberA: a.memberId, memberB: b.memberId, kind: 'twinning' } });
  expect(opened.status()).toBe(201);
  const { id } = (await opened.json()) as Partnership;
  const current = () => json<Partnership>(admin, `/api/v1/partnerships/${id}`);
  // The secretariat's move, from the version as it now is (the official's writes change it too).
  const move = async (to: string, extra: object = {}) => {
    const { version } = await current();
    const answer = await admin.post(`/api/v1/partnerships/${id}/transitions`, { data: { to, version, ...extra } });
    expect(answer.status(), `move to ${to}`).toBe(201);
  };
  const moveButtons = page.getByRole('button', { name: /^Move to / });
  const decline = page.getByRole('button', { name: 'Decline this partnership…' });
  const activity = page.getByRole('form', { name: 'Log an activity' });

  // At interest: decline, milestones and activities; no stage moves, no owner or next step.
  await signIn(page, { role: 'city_official', memberId: a.memberId });
  await page.goto(`/partnerships/${id}`);
  await expect(page.locator('.timeline [aria-current="step"]')).toHaveText('Interest');
  await expect(page.getByText('or decline the partnership before an agreement')).toBeVisible();
  await expect(decline).toBeVisible();
  // With the keyboard alone: the decline form takes the focus, and Cancel gives it back.
  await decline.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(/^Why your city declines/)).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(decline).toBeFocused();
  await expect(moveButtons).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save owner and next step' })).toHaveCount(0);
  const refused = await writeAsPage(page, `/api/v1/partnerships/${id}/transitions`, {
    to: 'introduced',
    version: (await current()).version,
  });
  expect(refused.status()).toBe(403);
  await page.getByLabel('Milestone', { exact: true }).fill('Exchange of urban planners');
  await page.getByLabel('Due on', { exact: true }).fill('2027-06-30');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('button', { name: /Mark done.*Exchange of urban planners/ }).click();
  await expect(page.locator('.milestones')).toContainText('done');

  // At agreement (moved by the secretariat): the agreement to read, no decline any more; milestones and activities go on.
  await move('introduced');
  await move('exploring');
  await move('agreement', { agreement: { signedOn: '2026-11-20', signatories: ['Mayor of A', 'Mayor of B'], reference: 'TW-2026-7' } });
  await page.reload();
  await expect(page.locator('.timeline [aria-current="step"]')).toHaveText('Agreement');
  await expect(page.getByText('Mayor of A; Mayor of B')).toBeVisible();
  await expect(page.getByText('or decline the partnership')).toHaveCount(0);
  await expect(decline).toHaveCount(0);
  await expect(moveButtons).toHaveCount(0);
  const late = { to: 'declined', version: (await current()).version, reason: 'Too late' };
  expect((await writeAsPage(page, `/api/v1/partnerships/${id}/transitions`, late)).status()).toBe(403);
  await page.getByRole('button', { name: /Reopen.*Exchange of urban planners/ }).click();
  await expect(page.getByRole('button', { name: /Mark done.*Exchange of urban planners/ })).toBeVisible();
  // Editing a milestone with the keyboard: its form takes the focus and gives it back; a stale version saves nothing.
  await page.getByRole('button', { name: /^Edit\W+Exchange of urban planners$/ }).focus();
  await page.keyboard.press('Enter');
  const editing = page.getByRole('form', { name: /^Edit milestone: / });
  await expect(editing.getByLabel('Title')).toBeFocused();
  await editing.getByLabel('Title').fill('Exchange of urban planners and engineers');
  await editing.getByLabel('Due on').fill('2027-09-30');
  await editing.getByLabel('Title').press('Enter');
  await expect(page.getByRole('button', { name: /^Edit\W+Exchange of urban planners and engineers$/ })).toBeFocused();
  const [milestone] = (await current()).milestones as Array<{ id: string; title: string; dueOn: string; version: number }>;
  expect(milestone).toMatchObject({ title: 'Exchange of urban planners and engineers', dueOn: '2027-09-30' });
  const path = `/api/v1/partnerships/${id}/milestones/${milestone.id}`;
  expect((await admin.patch(path, { data: { version: milestone.version, title: 'Planners exchange' } })).status()).toBe(200);
  await page.keyboard.press('Enter');
  await editing.getByLabel('Due on').fill('2027-12-31');
  await editing.getByRole('button', { name: 'Save milestone' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This milestone was changed by someone else' })).toBeVisible();
  await expectAccessible(page);
  expect((await current()).milestones).toMatchObject([{ title: 'Planners exchange', dueOn: '2027-09-30' }]);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(editing).toHaveAccessibleName('Edit milestone: Planners exchange');
  await editing.getByLabel('Title').press('Escape');
  await expect(page.getByRole('button', { name: /^Edit\W+Planners exchange$/ })).toBeFocused();
  await activity.getByLabel('Summary').fill('Kick-off meeting of both councils');
  await activity.getByRole('button', { name: 'Log activity' }).click();
  await expect(page.getByText('Activity logged.')).toBeVisible();
  await expectAccessible(page);

  // Dormant: an activity logged by the official brings it back to implementing.
  await move('implementing');
  await move('dormant');
  await page.reload();
  await expect(page.getByText('Logging an activity brings this dormant partnership back to Implementing.')).toBeVisible();
  await activity.getByLabel('Kind').selectOption('exchange');
  await activity.getByLabel('Summary').fill('Staff exchange on coastal planning');
  await activity.getByRole('button', { name: 'Log activity' }).click();
  await expect(page.locator('.timeline [aria-current="step"]')).toHaveText('Implementing');

  // Ended: a record to read, with nothing to add or change.
  await move('ended', { reason: 'The programme was completed' });
  await page.reload();
  await expect(page.getByText('This partnership is closed: its record stays as it is.')).toBeVisible();
  await expect(page.locator('.activities')).toContainText('Staff exchange on coastal planning');
  await expect(page.getByRole('button', { name: /Add milestone|Log activity|Mark done|Reopen|Decline|^Edit/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectFitsWidth(page);
});
