import { expect, expectAccessible, test as base, type WebStack } from '../support/fixtures';
import { answerInterest, cardOf, escapeRegExp, expectNotSuggested, markInterest, moveTo, pairIn } from '../support/journey';
import { addOfficial, startServicesStack } from '../support/services-stack';

/** The brokering journey on PostgreSQL + Redis/BullMQ: every change crosses the outbox, the queues and the workers. */
const test = base.extend<object, { stack: WebStack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const stack = await startServicesStack();
      try {
        await use(stack);
      } finally {
        await stack.stop();
      }
    },
    { scope: 'worker', timeout: 300_000 },
  ],
});

test('two officials become partners through the secretariat, and the pair leaves both officials’ suggestions', async ({
  page,
  browser,
  signIn,
  admin,
}) => {
  const [first, second] = await pairIn(admin, 'Australia and New Zealand');
  await addOfficial(admin, first);
  await addOfficial(admin, second);

  // The first official signs in through the e-mail link and marks interest.
  await signIn(page, { role: 'city_official', memberId: first.memberId });
  const card = await markInterest(page, first.memberId, second);

  // The second official answers from a browser of its own: mutual, and a partnership is open.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, { role: 'city_official', memberId: second.memberId });
  await answerInterest(other, second.memberId, first);
  await page.reload();
  await expect(card.getByText('Mutual interest.')).toBeVisible();

  // The secretariat finds it on the board, opens it and moves it to an agreement.
  const secretariatContext = await browser.newContext();
  const secretariat = await secretariatContext.newPage();
  await signIn(secretariat, { role: 'secretariat' });
  await secretariat.goto('/board');
  await expect(secretariat.getByRole('row', { name: /^Interest 1\b/ })).toBeVisible();
  await secretariat.getByRole('link', { name: 'Interest', exact: true }).click();
  const [x, y] = [escapeRegExp(first.name), escapeRegExp(second.name)];
  const pair = secretariat.getByRole('link', { name: new RegExp(`^(${x} and ${y}|${y} and ${x})$`) });
  await pair.click();
  await expect(secretariat.getByRole('heading', { level: 1, name: /^Partnership of / })).toContainText(first.name);
  await moveTo(secretariat, 'Introduced');
  await moveTo(secretariat, 'Exploring');
  await moveTo(secretariat, 'Agreement', [`Mayor of ${first.name}`, `Mayor of ${second.name}`]);
  await expect(secretariat.getByRole('heading', { name: 'Agreement' })).toBeVisible();
  await expectAccessible(secretariat);
  await secretariat.goto('/board');
  await expect(secretariat.getByRole('row', { name: /^Agreement 1\b/ })).toBeVisible();
  await secretariatContext.close();

  // Partners now: the workers take each from the other's suggestions.
  await expectNotSuggested(page, first.memberId, second);
  await expectNotSuggested(other, second.memberId, first);
  await expect(cardOf(other, first.name)).toHaveCount(0);
  await otherContext.close();
});
