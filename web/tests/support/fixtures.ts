import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test as base, request as playwrightRequest } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Real cities of the demo data (GeoNames ids). */
export const SUVA = 'gn-2198148';
export const APIA = 'gn-4035413';

export const SCREENSHOTS_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

export interface Person {
  role: 'secretariat' | 'city_official';
  memberId?: string;
  name: string;
  email: string;
}

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
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`);
  });
  expect(tooWide, `wider than the screen on ${page.url()}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: false });
}

export const test = base.extend<{ admin: APIRequestContext; signIn: (page: Page, person: Person) => Promise<void> }>({
  admin: async ({ baseURL }, use) => {
    const context = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${process.env.CITYMATCH_WEB_ADMIN_TOKEN}` },
    });
    await use(context);
    await context.dispose();
  },
  signIn: async ({ admin }, use) => {
    await use(async (page, person) => {
      // Until sign-in by e-mail link exists: the page calls the API with a token of the person's role.
      const created = await admin.post('/api/v1/tokens', {
        data: { label: `browser ${person.email}`, role: person.role, memberId: person.memberId },
      });
      expect(created.status()).toBe(201);
      const { secret } = (await created.json()) as { secret: string };
      await page.context().setExtraHTTPHeaders({ Authorization: `Bearer ${secret}` });
      await page.route('**/api/v1/auth/me', (route) =>
        route.fulfill({
          json: {
            user: {
              id: person.email,
              email: person.email,
              name: person.name,
              role: person.role,
              memberId: person.memberId ?? null,
              timeZone: 'Pacific/Fiji',
            },
          },
        }),
      );
    });
  },
});
export { expect };
