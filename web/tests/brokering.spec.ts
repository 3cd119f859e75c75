import { expect, expectAccessible, expectFitsWidth, screenshot, test } from './support/fixtures';
import { answerInterest, escapeRegExp, markInterest, pairIn } from './support/journey';

test('two officials mark interest in each other: mutual, notified, and the partnership is open to both', async ({
  page,
  browser,
  signIn,
  admin,
}) => {
  const [first, second] = await pairIn(admin, 'South-Eastern Asia');

  await signIn(page, { role: 'city_official', memberId: first.memberId });
  const card = await markInterest(page, first.memberId, second);
  // Withdrawn, then marked again: the card follows each step.
  await card.getByRole('button', { name: 'Withdraw interest' }).click();
  await expect(card.getByRole('button', { name: 'Interested', exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Interested', exact: true }).click();
  await expect(card.getByText('Interest sent')).toBeVisible();
  await expectAccessible(page);

  // The second official, in a browser of its own, answers: the pair is mutual.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, { role: 'city_official', memberId: second.memberId });
  await expect(other.getByTestId('unread-count')).toHaveCount(0);
  const back = await answerInterest(other, second.memberId, first);
  await back.getByRole('link', { name: `Open the partnership with ${first.name}` }).click();
  await expect(other.getByRole('heading', { level: 1, name: /^Partnership of / })).toContainText(first.name);
  await expect(other.locator('.timeline [aria-current="step"]')).toHaveText('Interest');
  await expect(other.getByRole('button', { name: 'Decline this partnership…' })).toBeVisible();
  await expectAccessible(other);
  const partnershipUrl = new URL(other.url()).pathname;

  // Its partnerships list and its notifications: the mutual interest, read and then no longer counted.
  await other.getByRole('link', { name: 'Partnerships', exact: true }).click();
  await expect(other.getByRole('link', { name: new RegExp(`With ${first.name}`) })).toBeVisible();
  await expectAccessible(other);
  await expect(other.getByTestId('unread-count')).not.toHaveCount(0);
  await other.getByRole('link', { name: /Notifications/ }).click();
  // Named, not by id, in either order.
  const [x, y] = [escapeRegExp(first.name), escapeRegExp(second.name)];
  const notice = other
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`(${x} and ${y}|${y} and ${x}) are interested in each other`) })
    .first();
  await expect(notice).toContainText('New');
  await expectAccessible(other);
  await other.getByRole('button', { name: 'Mark all read' }).click();
  await expect(other.getByText('All read.')).toBeVisible();
  await expect(other.getByTestId('unread-count')).toHaveCount(0);
  await otherContext.close();

  // The first official sees the mutual state and the same partnership.
  await page.reload();
  await expect(card.getByText('Mutual interest.')).toBeVisible();
  await card.getByRole('link', { name: `Open the partnership with ${second.name}` }).click();
  await expect(page).toHaveURL(partnershipUrl);
  await expect(page.getByRole('heading', { level: 1, name: /^Partnership of / })).toContainText(second.name);
  await expect(page.getByTestId('unread-count')).toBeVisible();
});

test('the secretariat moves a partnership a stage, is told when it is stale, and logs an activity', async ({ page, signIn, admin }) => {
  const [a, b] = await pairIn(admin, 'Melanesia');
  const opened = await admin.post('/api/v1/partnerships', { data: { memberA: a.memberId, memberB: b.memberId, kind: 'project' } });
  expect(opened.status()).toBe(201);
  const { id } = (await opened.json()) as { id: string };

  await signIn(page, { role: 'secretariat' });
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brokering board' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Interest \d+/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'board');

  await page.getByRole('link', { name: 'Interest', exact: true }).first().click();
  await expect(page).toHaveURL(/\/partnerships\?stage=interest/);
  await page.getByLabel('Kind').selectOption('project');
  await expect(page).toHaveURL(/kind=project/);
  const csv = page.getByRole('link', { name: 'Download these partnerships as CSV' });
  const csvAnswer = await page.request.get((await csv.getAttribute('href'))!);
  expect(csvAnswer.status()).toBe(200);
  expect(await csvAnswer.text()).toContain(id);
  await expectAccessible(page);

  await page.goto(`/partnerships/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Partnership of / })).toContainText(a.name);
  await expectAccessible(page);
  await page.getByLabel('Owner').fill('Aiko Tanaka');
  await page.getByLabel('Next step').fill('Introduce the two mayors');
  await page.getByRole('button', { name: 'Save owner and next step' }).click();
  await expect(page.getByText('Owner at the secretariat: Aiko Tanaka')).toBeVisible();

  await page.getByLabel('Introduced').check();
  // A note longer than the API takes is refused beside its field, and the partnership stays where it was.
  await page.getByLabel('Note (optional)').fill('x'.repeat(2001));
  await page.getByRole('button', { name: 'Move to Introduced' }).click();
  await expect(page.locator('#move-note-error')).toBeVisible();
  await expect(page.getByLabel('Note (optional)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.timeline [aria-current="step"]')).toHaveText('Interest');
  await page.getByLabel('Note (optional)').fill('Mayors introduced by e-mail');
  await page.getByRole('button', { name: 'Move to Introduced' }).click();
  await expect(page.locator('.timeline [aria-current="step"]')).toHaveText('Introduced');
  await expect(page.locator('.history')).toContainText('Interest → Introduced — Mayors introduced by e-mail');

  // Someone else moves it meanwhile: this page's version is stale, and it says so instead of overwriting.
  const current = (await (await admin.get(`/api/v1/partnerships/${id}`)).json()) as { version: number };
  expect(
    (await admin.post(`/api/v1/partnerships/${id}/transitions`, { data: { to: 'exploring', version: current.version } })).status(),
  ).toBe(201);
  await page.getByLabel('Exploring').check();
  await page.getByRole('button', { name: 'Move to Exploring' }).click();
  await expect(page.getByRole('alert')).toContainText('changed by someone else');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('.timeline [aria-current="step"]')).toHaveText('Exploring');
  await expect(page.getByText('changed by someone else')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Move to Agreement' })).toBeVisible();

  // An activity: a future date is refused beside its field, then a real one is logged.
  const activity = page.getByRole('form', { name: 'Log an activity' });
  await activity.getByLabel('Date').fill('2099-01-01');
  await activity.getByLabel('Kind').selectOption('visit');
  await activity.getByLabel('Summary').fill('Study visit on flood early warning');
  await activity.getByRole('button', { name: 'Log activity' }).click();
  await expect(page.locator('#activity-date-error')).toBeVisible();
  await expect(activity.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await activity.getByLabel('Date').fill('2026-01-15');
  await activity.getByLabel('Participants (one a line)').fill('Deputy mayor\nDisaster office');
  await activity.getByRole('button', { name: 'Log activity' }).click();
  await expect(page.getByText('Activity logged.')).toBeVisible();
  await expect(page.locator('.activities')).toContainText('visit: Study visit on flood early warning (with Deputy mayor, Disaster office)');

  await page.getByLabel('Milestone', { exact: true }).fill('Joint action plan');
  await page.getByLabel('Due on', { exact: true }).last().fill('2027-03-31');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('button', { name: /Mark done.*Joint action plan/ }).click();
  await expect(page.locator('.milestones')).toContainText('done');
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'partnership');
  const saved = (await (await admin.get(`/api/v1/partnerships/${id}`)).json()) as {
    stage: string;
    owner: string;
    activities: unknown[];
    milestones: Array<{ doneOn: string | null }>;
  };
  expect(saved).toMatchObject({ stage: 'exploring', owner: 'Aiko Tanaka' });
  expect(saved.activities).toHaveLength(1);
  expect(saved.milestones[0].doneOn).not.toBeNull();
});

test('the secretariat opens a partnership from a network match, sees every interest, and the network map', async ({ page, signIn }) => {
  await signIn(page, { role: 'secretariat' });
  await page.goto('/matches');
  const openButton = page.getByRole('button', { name: /^Open partnership/ }).first();
  await expect(openButton).toBeVisible({ timeout: 30_000 });
  const pair = (await openButton.textContent())!.replace(/^Open partnership of /, '');
  await openButton.click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.locator('.timeline [aria-current="step"]')).toHaveText('Interest');
  await page.goBack();
  await expect(page.getByRole('link', { name: new RegExp(`Partnership at Interest of ${pair}`) })).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);

  // A filter narrows the list, starts again at its first page and is kept in the URL.
  const shown = page.getByRole('status').filter({ hasText: /^Pairs / });
  const totalShown = async () => Number((await shown.textContent())!.replace(/^.* of /, '').replace(/\D/g, ''));
  const everyPair = await totalShown();
  const country = page.getByLabel('Country (code, e.g. FJ)');
  await country.fill('fj');
  await country.press('Enter');
  await expect(page).toHaveURL(/[?&]country=FJ(&|$)/);
  await expect(page.locator('ol.cards[aria-busy="false"]')).toBeVisible();
  const pairs = await page.locator('.card.match h2').allTextContents();
  expect(pairs.length).toBeGreaterThan(0);
  for (const text of pairs) expect(text).toContain(', FJ');
  expect(await totalShown()).toBeLessThan(everyPair);
  await page.reload();
  await expect(country).toHaveValue('FJ');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Interests', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Interests' })).toBeVisible();
  await page.getByLabel('Show').selectOption('true');
  await expect(page).toHaveURL(/mutual=true/);
  await expect(page.getByRole('cell', { name: 'Mutual' }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Network', exact: true }).click();
  await expect(page.getByRole('img', { name: /open partnerships between/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Weekly digests' })).toBeVisible();
  await expectAccessible(page);
});

test('the secretariat’s pages fit a 375 px screen', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, { role: 'secretariat' });
  for (const path of ['/network', '/board', '/partnerships', '/interests', '/notifications', '/members', '/matches', '/operations']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectFitsWidth(page);
  }
});
