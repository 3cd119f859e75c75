import { expect, expectFitsWidth, SUVA, test } from './support/fixtures';

test('every page fits a 375 px screen and is usable with the keyboard', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, { role: 'city_official', memberId: SUVA });
  for (const path of [
    `/members/${SUVA}`,
    `/members/${SUVA}/suggestions`,
    `/members/${SUVA}/partnerships`,
    '/notifications',
    '/no-such-page',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectFitsWidth(page);
  }
  // Keyboard: the skip link comes first and moves to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
