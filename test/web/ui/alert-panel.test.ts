// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PictureModel } from '../../../web/src/data/picture-model.ts';
import { AlertPanel, ladderOrder } from '../../../web/src/ui/alert-panel.ts';
import { salvoAlert } from '../fixtures.ts';

const RUN = { id: 'r1', title: 'salvo', epoch: '2026-05-01T12:00:00Z', durationS: 2700, stepS: 10 };

function modelWith(...alerts: ReturnType<typeof salvoAlert>[]) {
  const model = new PictureModel(RUN);
  model.replace({ runId: 'r1', timeS: 300, stepS: 300, tracks: [], alerts, sensors: [] });
  return model;
}

describe('the alert ladder', () => {
  const warning = salvoAlert({ id: 'A2', timeS: 200 });
  const detected = salvoAlert({ id: 'A3', timeS: 100, level: 'launch-detected' });
  const withdrawn = salvoAlert({ id: 'A4', timeS: 50, cancelled: true });
  const earlierWarning = salvoAlert({ id: 'A1', timeS: 115 });

  it('orders standing alerts by level, then time, and withdrawn ones last', () => {
    const sorted = [detected, withdrawn, warning, earlierWarning].sort(ladderOrder);
    expect(sorted.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('shows a card per alert in that order with a count per level', () => {
    const panel = new AlertPanel(modelWith(detected, withdrawn, warning, earlierWarning), {});
    expect([...panel.el.querySelectorAll('.alert-card')].map((c) => c.getAttribute('data-alert-id'))).toEqual(
      ['A1', 'A2', 'A3', 'A4'],
    );
    expect([...panel.el.querySelectorAll('.tally')].map((t) => t.textContent)).toEqual([
      '2 attack warning',
      '1 launch detected',
      '3 not acknowledged',
    ]);
  });

  it('follows the model: a raised level reorders, an update keeps the card element', () => {
    const model = modelWith(detected, warning);
    const panel = new AlertPanel(model, {});
    const before = panel.el.querySelector('[data-alert-id="A3"]');
    model.upsertAlert(salvoAlert({ id: 'A3', timeS: 100, level: 'attack-warning' }));
    panel.render();
    const cards = [...panel.el.querySelectorAll('.alert-card')];
    expect(cards.map((c) => c.getAttribute('data-alert-id'))).toEqual(['A3', 'A2']);
    expect(cards[0]).toBe(before);
    expect(cards[0]!.getAttribute('data-level')).toBe('attack-warning');
  });

  it('says when there are no alerts', () => {
    const panel = new AlertPanel(modelWith(), {});
    expect(panel.el.querySelector('.empty')?.textContent).toBe('No alerts.');
  });
});
