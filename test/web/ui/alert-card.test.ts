// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { AlertCard, countdownOf, sinceLaunchText } from '../../../web/src/ui/alert-card.ts';
import { salvoAlert } from '../fixtures.ts';

const EPOCH = '2026-05-01T12:00:00Z';
const text = (card: AlertCard, selector: string) => card.el.querySelector(selector)?.textContent ?? null;

describe('an alert card', () => {
  it('shows the level by name and as data for the page', () => {
    const card = new AlertCard(salvoAlert(), EPOCH, {});
    card.update(salvoAlert(), 300);
    expect(card.el.dataset['level']).toBe('attack-warning');
    expect(text(card, '.level')).toBe('ATTACK WARNING');
    expect(text(card, '.alert-id')).toBe('A1 · raid R1');
  });

  it('counts down to the predicted impact as the clock moves', () => {
    const card = new AlertCard(salvoAlert(), EPOCH, {});
    card.update(salvoAlert(), 300);
    // 2081.2 − 300 = 1781.2 s, rounded up: 29:42.
    expect(text(card, '.countdown')).toBe('impact in 29:42');
    card.update(salvoAlert(), 1900);
    // 181.2 s left: urgent.
    expect(text(card, '.countdown')).toBe('impact in 3:02');
    expect(card.el.querySelector('.countdown')!.classList.contains('urgent')).toBe(true);
  });

  it('shows the time since the estimated launch', () => {
    const card = new AlertCard(salvoAlert(), EPOCH, {});
    card.update(salvoAlert(), 300);
    // 300 − 35.6 = 264.4 s.
    expect(text(card, '.since-launch')).toBe('since launch 4:24 (launched T+0:35)');
  });

  it('names the launch and impact places with where and how large, and when the impact is due', () => {
    const card = new AlertCard(salvoAlert(), EPOCH, {});
    card.update(salvoAlert(), 300);
    expect(text(card, '.launch-area')).toBe('Russian Federation · 54.90°N 90.02°E · ±14 km');
    expect(text(card, '.impact-area')).toBe(
      'United States of America · 47.58°N 111.21°W · 10 × 7.9 km · at T+34:41 (12:34:41Z)',
    );
    expect(text(card, '.confidence')).toBe('100% · icbm-liquid');
    expect(text(card, '.notification')).toBe('no notification covers it');
  });

  it('lists the evidence known at the time shown', () => {
    const card = new AlertCard(salvoAlert(), EPOCH, {});
    card.update(salvoAlert(), 200);
    expect([...card.el.querySelectorAll('.evidence li')].map((li) => li.textContent)).toEqual([
      'T+1:55 Event: track T1 — something seen, not yet a launch',
      'T+1:55 Launch detected: 6 IR reports from geo-e10, geo-e150, geo-e80, heo-1',
    ]);
    card.update(salvoAlert(), 275);
    expect(card.el.querySelectorAll('.evidence li')).toHaveLength(4);
  });

  it('without a predicted impact, or withdrawn, has no countdown', () => {
    const pending = salvoAlert({
      level: 'launch-detected',
      impactArea: null,
      impactRegion: null,
      impactTimeS: null,
    });
    const card = new AlertCard(pending, EPOCH, {});
    card.update(pending, 200);
    expect(text(card, '.countdown')).toBe('no impact predicted');
    expect(text(card, '.impact-area')).toBe('not predicted');
    expect(countdownOf(salvoAlert({ cancelled: true }), 200)).toBeNull();
  });

  it('says "raised … ago" when no launch time is estimated', () => {
    expect(sinceLaunchText({ launchTimeS: null, timeS: 800 }, 830)).toBe('raised 0:30 ago');
  });

  it('has no acknowledge or comment button without the actions (an observer)', () => {
    const card = new AlertCard(salvoAlert(), EPOCH, {});
    expect(card.el.querySelector('button.ack')).toBeNull();
    expect(card.el.querySelector('button.comment')).toBeNull();
  });

  it('acknowledges through the action it was given, and shows who acknowledged', async () => {
    const acknowledge = vi.fn(async () => undefined);
    const card = new AlertCard(salvoAlert(), EPOCH, { acknowledge, comment: async () => undefined });
    card.update(salvoAlert(), 300);
    card.el.querySelector<HTMLButtonElement>('button.ack')!.click();
    await vi.waitFor(() => expect(text(card, '.action-status')).toBe('acknowledged'));
    expect(acknowledge).toHaveBeenCalledWith('A1');
    const acked = salvoAlert({
      operator: {
        acknowledged: true,
        acknowledgedBy: 'duty officer',
        acknowledgedAt: '2026-05-01T08:04:17.000Z',
        comments: 0,
      },
    });
    card.update(acked, 310);
    expect(text(card, '.ack-state')).toBe('acknowledged by duty officer at 08:04:17Z');
    expect(card.el.querySelector<HTMLButtonElement>('button.ack')!.disabled).toBe(true);
  });

  it('shows why an action failed', async () => {
    const card = new AlertCard(salvoAlert(), EPOCH, {
      acknowledge: async () => {
        throw new Error('this needs the operator role');
      },
    });
    card.el.querySelector<HTMLButtonElement>('button.ack')!.click();
    await vi.waitFor(() =>
      expect(text(card, '.action-status')).toBe('not done: this needs the operator role'),
    );
  });

  it('sends a comment and keeps the box across updates', async () => {
    const comment = vi.fn(async () => undefined);
    const card = new AlertCard(salvoAlert(), EPOCH, { comment });
    const box = card.el.querySelector<HTMLElement>('.comment-box')!;
    expect(box.hidden).toBe(true);
    card.el.querySelector<HTMLButtonElement>('button.comment')!.click();
    expect(box.hidden).toBe(false);
    box.querySelector('textarea')!.value = 'called the duty officer';
    card.update(salvoAlert({ confidence: 0.99 }), 300);
    expect(box.querySelector('textarea')!.value).toBe('called the duty officer');
    box.querySelector<HTMLButtonElement>('button.send-comment')!.click();
    await vi.waitFor(() => expect(comment).toHaveBeenCalledWith('A1', 'called the duty officer'));
  });
});
