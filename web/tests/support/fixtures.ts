import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test as base, request as playwrightRequest } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { linkIn, mailTo } from './mail';

/** Real cities of the demo data (GeoNames ids). */
export const SUVA = 'gn-2198148';
export const APIA = 'gn-4035413';

export const SCREENSHOTS_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Nothing wider than the screen: the page fits a 375 px phone without sideways scrolling. */
export async function expectFitsWidth(page: Page): Promise<void> {
  const tooWide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // The page scrolls sideways: name the widest culprits (wide tables scroll inside their own box).
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest('.table-scroll'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`);
  });
  expect(tooWide, `wider than the screen on ${page.url()}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: false });
}

/** Who signs in: a demo secretariat user, or the first demo official of a member. */
export type Person = { role: 'secretariat' } | { role: 'city_official'; memberId: string };

interface UserView {
  email: string;
  name: string;
}

/** The CityMatch a test runs against: its admin token and the data directory its mail is written to. */
export interface WebStack {
  adminToken: string;
  dataDir: string;
}

export const test = base.extend<
  { admin: APIRequestContext; signIn: (page: Page, person: Person) => Promise<UserView> },
  { stack: WebStack }
>({
  // The embedded stack of the global setup; the services project starts its own (tests/services).
  stack: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => use({ adminToken: process.env.CITYMATCH_WEB_ADMIN_TOKEN!, dataDir: process.env.CITYMATCH_WEB_DATA_DIR! }),
    { scope: 'worker' },
  ],
  admin: async ({ baseURL, stack }, use) => {
    const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${stack.adminToken}` } });
    await use(context);
    await context.dispose();
  },
  signIn: async ({ admin, stack }, use) => {
    await use(async (page, person) => {
      const query = person.role === 'secretariat' ? 'role=secretariat' : `memberId=${person.memberId}&role=city_official`;
      const found = await admin.get(`/api/v1/users?${query}&limit=1`);
      expect(found.status()).toBe(200);
      const [user] = ((await found.json()) as { items: UserView[] }).items;
      expect(user, `a user for ${JSON.stringify(person)}`).toBeTruthy();
      await signInByEmail(page, user.email, stack.dataDir);
      return user;
    });
  },
});

/** Signs in as a person does: asks for a link on the sign-in page, opens it from the e-mail. */
export async function signInByEmail(page: Page, email: string, dataDir = process.env.CITYMATCH_WEB_DATA_DIR!): Promise<void> {
  const before = mailTo(dataDir, email).length;
  await page.goto('/sign-in');
  await page.getByLabel('Your work e-mail address').fill(email);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await expect(page.getByText('Check your e-mail.')).toBeVisible();
  let link: string | undefined;
  await expect(() => {
    const messages = mailTo(dataDir, email);
    expect(messages.length).toBeGreaterThan(before);
    link = linkIn(messages[messages.length - 1], '/sign-in');
    expect(link).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  await page.goto(link!);
  await expect(page).not.toHaveURL(/\/sign-in/);
}
export { expect };
