import { APIA, expect, expectAccessible, screenshot, SUVA, test } from './support/fixtures';

const SUVA_OFFICIAL = { role: 'city_official' as const, memberId: SUVA };

test('an official edits needs, sees the suggestions change, filters, dismisses and undoes', async ({ page, signIn }) => {
  const official = await signIn(page, SUVA_OFFICIAL);
  await expect(page).toHaveURL(`/members/${SUVA}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Suva' })).toBeVisible();
  await expect(page.getByRole('table', { name: /People of this city/ })).toContainText(official.email);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Suggestions', exact: true }).click();
  const cards = page.getByRole('list', { name: 'Suggested partner cities' }).getByRole('heading', { level: 3 });
  await expect(cards.first()).toBeVisible();
  const before = await cards.allTextContents();

  await page.getByRole('link', { name: 'My city' }).click();
  await page.getByLabel('Municipal finance: need').selectOption({ label: '3 · high priority' });
  await page.getByLabel('Good governance: need').selectOption({ label: '3 · high priority' });
  await page.getByLabel('Culture: need').selectOption({ label: 'Not a need' });
  await screenshot(page, 'my-city');
  await page.getByRole('button', { name: 'Save needs and offers' }).click();
  await expect(page.getByText('Saved. Your suggestions are being updated.')).toBeVisible();

  // The change reaches the stored suggestions within seconds (the incremental update).
  await page.getByRole('link', { name: 'Suggestions', exact: true }).click();
  await expect(async () => {
    await page.reload();
    await expect(cards.first()).toBeVisible();
    expect(await cards.allTextContents()).not.toEqual(before);
  }).toPass({ timeout: 30_000 });
  await expect(
    page
      .locator('.reasons')
      .getByText(/Municipal finance|Good governance/)
      .first(),
  ).toBeVisible();

  await page.getByLabel('Subregion').selectOption('Melanesia');
  await expect(page).toHaveURL(/subregion=Melanesia/);
  await expect(page.getByText('matching the filters')).toBeVisible();
  const metas = page.locator('.suggestion .meta');
  // The previous list stays on screen while the filtered one loads: wait until every card is Melanesian.
  await expect(async () => {
    const all = await metas.allTextContents();
    expect(all.length).toBeGreaterThan(0);
    for (const meta of all) expect(meta).toContain('Melanesia');
  }).toPass({ timeout: 10_000 });

  // Deep link: the filters survive a reload.
  await page.reload();
  await expect(page.getByLabel('Subregion')).toHaveValue('Melanesia');

  const first = (await cards.first().textContent())!.replace(/^\d+\.\s*/, '');
  const firstName = first.split(',')[0];
  await page.getByRole('button', { name: 'Not interested' }).first().click();
  await expect(page.getByText(`${firstName} is hidden from your suggestions.`)).toBeVisible();
  await expect(cards.filter({ hasText: first })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cards.filter({ hasText: first })).toHaveCount(1);

  await page.getByLabel('Subregion').selectOption('');
  // The map is drawn when it comes near the screen, below the list.
  await page.getByRole('heading', { name: 'On the map' }).scrollIntoViewIfNeeded();
  await expect(page.locator('.map svg')).toBeVisible();
  // Every candidate and the city itself, placed from the suggestions' coordinates.
  await expect(page.locator('.map circle')).toHaveCount((await cards.count()) + 1);
  const xs = await page.locator('.map circle').evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute('cx'))));
  expect(xs.every(Number.isFinite)).toBe(true);
  await expectAccessible(page);
  await screenshot(page, 'suggestions');
});

test('an official cannot open another member’s pages: the page says so and the API answers 403', async ({ page, signIn }) => {
  await signIn(page, SUVA_OFFICIAL);
  await page.goto(`/members/${APIA}/suggestions`);
  await expect(page.getByRole('heading', { name: 'Not available to you' })).toBeVisible();
  await expect(page.getByText('belongs to another member')).toBeVisible();
  const api = await page.request.get(`/api/v1/members/${APIA}/suggestions`);
  expect(api.status()).toBe(403);
  await expectAccessible(page);

  await page.goto('/network');
  await expect(page.getByText('This page is for the secretariat.')).toBeVisible();
  expect((await page.request.get('/api/v1/recompute/status')).status()).toBe(403);

  // Another member's profile is public, but read-only.
  await page.goto(`/members/${APIA}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Apia' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save needs and offers' })).toHaveCount(0);
  await expect(page.getByLabel('Culture: need')).toBeDisabled();
});
