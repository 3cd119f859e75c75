import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, expectFitsWidth, signInByEmail, test } from './support/fixtures';

test('signed out, every page leads to sign-in, which is accessible', async ({ page }) => {
  await page.goto('/members');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmembers/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CityMatch' })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectFitsWidth(page);
});

test('the first start prints a sign-in link for a demo secretariat user that opens the web app', async ({ page }) => {
  const firstStart = readFileSync(join(process.env.CITYMATCH_WEB_DATA_DIR!, 'first-start.log'), 'utf8');
  const secretariatLine = firstStart.split('\n').findIndex((line) => line.includes('(secretariat,'));
  expect(secretariatLine).toBeGreaterThan(-1);
  const link = /https?:\/\/\S+\/sign-in\?token=\S+/.exec(firstStart.split('\n')[secretariatLine + 1])![0];
  await page.goto(link);
  await expect(page).toHaveURL('/network');
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Operations');

  // A link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByText('This sign-in link has expired or was already used.')).toBeVisible();
  await expectAccessible(page);
});

test('signing out ends the session: the pages ask to sign in again', async ({ page }) => {
  await signInByEmail(page, 'secretariat.programmes@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  await page.goto('/network');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fnetwork/);
});
