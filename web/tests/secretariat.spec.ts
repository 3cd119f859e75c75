import { expect, expectAccessible, screenshot, test } from './support/fixtures';

const SECRETARIAT = { role: 'secretariat' as const };

test('the secretariat sees the network, finds and opens members, and follows operations', async ({ page, signIn }) => {
  await signIn(page, SECRETARIAT);
  await expect(page).toHaveURL('/network');
  await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Melanesia/ })).toBeVisible();
  await expect(page.getByText(/Generation \d+/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'network');

  await page.getByRole('link', { name: 'Members', exact: true }).click();
  // The network page has tables too: wait for the members page before looking for its table.
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByLabel('Name').fill('Suva');
  await expect(page).toHaveURL(/q=Suva/);
  await expect(page.getByRole('link', { name: 'Suva' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'members');
  await page.getByRole('link', { name: 'Suva' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Suva' })).toBeVisible();
  await expect(page.getByLabel('Culture: need')).toBeEnabled();

  await page.getByRole('link', { name: 'Network matches' }).click();
  // The network's best pairs are computed on request: a few seconds on the demo data.
  await expect(page.getByRole('meter').first()).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  await screenshot(page, 'network-matches');

  await page.getByRole('link', { name: 'Operations' }).click();
  await expect(page.getByText(/In use:/)).toBeVisible();
  // Tokens are for administrators; a secretariat user is told so.
  await expect(page.getByText('Only administrators see API tokens.')).toBeVisible();
  await expectAccessible(page);
});

test('an import with mistakes lists each one and changes nothing', async ({ page, signIn, admin }) => {
  await signIn(page, SECRETARIAT);
  await page.goto('/members');
  const before = ((await (await admin.get('/api/v1/members?limit=1')).json()) as { total: number }).total;
  await page.getByLabel('Members file (.json)').setInputFiles({
    name: 'members.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([{ id: 'gn-9999001', name: 'Nowhere' }])),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('nothing was imported');
  await expect(alert).toContainText('Record 1, country');
  const after = ((await (await admin.get('/api/v1/members?limit=1')).json()) as { total: number }).total;
  expect(after).toBe(before);
});
