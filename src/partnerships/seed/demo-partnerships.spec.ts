import { STAGES } from '../partnership-stages';
import { type DemoMember, demoPartnerships } from './demo-partnerships';

const THEMES = ['climate-change', 'culture', 'disaster-resilience', 'environment', 'tourism'];
const COUNTRIES = ['FJ', 'PH', 'VN', 'JP', 'ID', 'WS'];
const members: DemoMember[] = Array.from({ length: 200 }, (_, i) => ({
  id: `gn-${1000 + i}`,
  name: `City ${i}`,
  country: COUNTRIES[i % COUNTRIES.length],
  needs: { [THEMES[i % 5]]: 3 },
  offers: { [THEMES[(i + 2) % 5]]: 2 },
}));
const today = new Date('2026-12-03T09:00:00Z');
const DAY = 86_400_000;
const daysBefore = (day: string) => (today.getTime() - new Date(`${day}T12:00:00Z`).getTime()) / DAY;

describe('the demo partnerships', () => {
  const plans = demoPartnerships(members, today);

  it('are the same for the same members and day, whatever their order', () => {
    expect(demoPartnerships([...members].reverse(), today)).toEqual(plans);
    expect(plans.length).toBeGreaterThan(100);
  });

  it('cover every stage, with stalled early ones and dormant ones, over the last three years', () => {
    expect(new Set(plans.map((p) => p.stage))).toEqual(new Set(STAGES));
    const last = (p: (typeof plans)[number]) => p.steps[p.steps.length - 1].on;
    const early = plans.filter((p) => ['interest', 'introduced', 'exploring'].includes(p.stage));
    expect(early.filter((p) => daysBefore(last(p)) > 60).length).toBeGreaterThan(5);
    expect(early.filter((p) => daysBefore(last(p)) < 60).length).toBeGreaterThan(5);
    expect(plans.filter((p) => p.stage === 'dormant').length).toBeGreaterThan(5);
    for (const p of plans) {
      expect(daysBefore(p.steps[0].on)).toBeLessThanOrEqual(3 * 365);
      expect(daysBefore(last(p))).toBeGreaterThan(0);
      expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(plans.map((p) => `${p.memberA}|${p.memberB}`)).size).toBe(plans.length);
  });

  it('tell stories the workflow allows: each step a legal move, dated in order', () => {
    for (const p of plans) {
      expect(p.memberA < p.memberB).toBe(true);
      p.steps.forEach((step, i) => {
        if (i === 0) return expect(step).toMatchObject({ from: null, to: 'interest' });
        expect(step.from).toBe(p.steps[i - 1].to);
        expect(step.on >= p.steps[i - 1].on).toBe(true);
      });
      expect(p.steps[p.steps.length - 1].to).toBe(p.stage);
    }
  });

  it('leave implementing ones as the dormancy check finds them: active within a year, nothing long overdue, term running', () => {
    for (const p of plans.filter((plan) => plan.stage === 'implementing')) {
      expect(daysBefore(p.activities[p.activities.length - 1].occurredOn)).toBeLessThan(365);
      for (const milestone of p.milestones) if (!milestone.doneOn) expect(daysBefore(milestone.dueOn)).toBeLessThan(90);
      expect(daysBefore(p.agreement!.termEndsOn!)).toBeLessThan(0);
    }
    for (const p of plans.filter((plan) => plan.stage === 'dormant')) {
      const wentQuiet = p.steps[p.steps.length - 1].on;
      const lastActivity = p.activities[p.activities.length - 1].occurredOn;
      expect(daysBefore(lastActivity) - daysBefore(wentQuiet)).toBeGreaterThanOrEqual(365);
    }
  });
});
