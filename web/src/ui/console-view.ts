// The console of one run: the globe with its camera presets, the truth toggle (the
// truth is fetched only when it is turned on) and the track to follow; the alert
// ladder; the clock and timeline; charts and (for a live service) scenarios and runs
// in a drawer. What each viewer may do decides which controls exist: observers see no
// acknowledge, only admins drive the clock.
import type { Api } from '../data/api.ts';
import type { RunSource } from '../data/run-source.ts';
import type { Me } from '../data/types.ts';
import { GlobeView } from '../globe/globe-view.ts';
import type { CardActions } from './alert-card.ts';
import { AlertPanel } from './alert-panel.ts';
import { Charts } from './charts.ts';
import { ClockBar } from './clock-bar.ts';
import { h, setChildren, setText } from './dom.ts';
import { Notices } from './notices.ts';
import { ScenarioPanel } from './scenario-panel.ts';

/** Tracks offered in the follow list, at most. */
const FOLLOW_CHOICES = 200;
const FOLLOW_REFRESH_MS = 1000;

export interface ConsoleOptions {
  /** The service session, or null for a recorded run opened without one. */
  session: { api: Api; me: Me } | null;
  logout: () => void;
  watch: (runId: string) => void;
}

/** Whether a role may act on alerts (acknowledge, comment) and drive a live run's clock. */
export function permissions(role: Me['role'] | null, source: RunSource | null) {
  const live = source?.kind === 'live';
  return {
    operatorActions: !!source?.capabilities.operatorActions && (role === 'operator' || role === 'admin'),
    control: !!source?.capabilities.control && (!live || role === 'admin'),
  };
}

export class ConsoleView {
  readonly el: HTMLElement;
  readonly notices = new Notices();
  private readonly options: ConsoleOptions;
  private readonly globeBox = h('div', { class: 'globe', id: 'globe' });
  private readonly side = h('aside', { class: 'side' });
  private readonly drawer = h('aside', { class: 'drawer', hidden: true });
  private readonly footer = h('footer', { class: 'footer' });
  private readonly title = h('span', { class: 'run-title' }, 'no run');
  private readonly connection = h('span', { class: 'connection' });
  private readonly follow = h(
    'select',
    { class: 'follow', 'aria-label': 'Follow a track' },
    h('option', { value: '' }, 'Follow a track…'),
  );
  private readonly truth = h('input', { type: 'checkbox', class: 'truth-toggle', disabled: true });
  private readonly volumes = h('input', { type: 'checkbox', class: 'volumes-toggle' });
  private source: RunSource | null = null;
  private globe: GlobeView | null = null;
  private parts: Array<{ destroy(): void }> = [];
  private scenarios: ScenarioPanel | null = null;
  private charts: Charts | null = null;
  private followTimer: ReturnType<typeof setInterval> | null = null;

  constructor(options: ConsoleOptions) {
    this.options = options;
    const me = options.session?.me;
    this.follow.addEventListener('change', () => {
      if (!this.globe) return;
      if (this.follow.value) this.globe.follow(this.follow.value);
      else this.globe.viewWholeEarth();
    });
    this.truth.addEventListener('change', () => this.globe?.setTruthVisible(this.truth.checked));
    this.volumes.addEventListener('change', () => this.globe?.setVolumesVisible(this.volumes.checked));
    this.el = h(
      'div',
      { class: 'console' },
      h(
        'header',
        { class: 'topbar' },
        h('strong', { class: 'brand' }, 'vigil'),
        this.title,
        this.connection,
        h(
          'nav',
          { class: 'camera', 'aria-label': 'Camera' },
          h(
            'button',
            { type: 'button', class: 'view-territory', onclick: () => this.globe?.viewTerritory() },
            'Territory',
          ),
          h(
            'button',
            { type: 'button', class: 'view-earth', onclick: () => this.globe?.viewWholeEarth() },
            'Whole Earth',
          ),
          this.follow,
          h(
            'label',
            { class: 'volumes', title: 'Radar faces: range and elevation limits' },
            this.volumes,
            ' radar volumes',
          ),
          h(
            'label',
            { class: 'truth', title: 'What really flew: for training and replay only' },
            this.truth,
            ' truth (training/replay)',
          ),
        ),
        h(
          'nav',
          { class: 'drawers' },
          options.session
            ? h(
                'button',
                { type: 'button', class: 'open-scenarios', onclick: () => this.toggleDrawer('scenarios') },
                'Scenarios & runs',
              )
            : null,
          h(
            'button',
            { type: 'button', class: 'open-charts', onclick: () => this.toggleDrawer('charts') },
            'Charts',
          ),
        ),
        h(
          'span',
          { class: 'who' },
          me ? `${me.name} (${me.role})` : 'recorded run',
          h('button', { type: 'button', class: 'logout', onclick: options.logout }, me ? 'Log out' : 'Close'),
        ),
      ),
      h('div', { class: 'stage' }, this.globeBox, this.drawer, this.side),
      this.footer,
      this.notices.el,
    );
  }

  /** Shows a run from a source (the previous one is closed). */
  show(source: RunSource): void {
    this.leave();
    this.source = source;
    const role = this.options.session?.me.role ?? null;
    const can = permissions(role, source);
    setText(this.title, source.info.title);
    const actions: CardActions = {
      locate: (id: string) => this.globe?.viewAlert(id),
      ...(can.operatorActions
        ? {
            acknowledge: (id: string) => source.acknowledge(id),
            comment: (id: string, text: string) => source.comment(id, text),
          }
        : {}),
    };
    this.globe = new GlobeView(this.globeBox, source, (text) => this.notices.show(text));
    const panel = new AlertPanel(source.model, actions);
    const clock = new ClockBar(source, can.control, (text) => this.notices.show(text));
    this.charts = new Charts(source.model, source.capabilities.reportSeries);
    this.parts = [panel, clock, this.charts];
    setChildren(this.side, panel.el);
    setChildren(this.footer, clock.el);
    this.globe.setVolumesVisible(this.volumes.checked);
    this.truth.disabled = !source.capabilities.truth;
    this.truth.checked = false;
    this.truth.parentElement!.title = source.capabilities.truth
      ? 'What really flew, and what really caused false reports: for training and replay only (asked of the source when turned on)'
      : 'This source holds no truth';
    this.followTimer = setInterval(() => this.refreshFollow(), FOLLOW_REFRESH_MS);
    this.refreshFollow();
    if (this.drawer.dataset['open'] === 'charts') this.toggleDrawer('charts', true);
  }

  /** The connection state of a live source, in the top bar. */
  setConnection(text: string): void {
    setText(this.connection, text);
    this.connection.dataset['state'] = text;
  }

  toggleDrawer(which: 'scenarios' | 'charts', open?: boolean): void {
    const showing = !this.drawer.hidden && this.drawer.dataset['open'] === which;
    const next = open ?? !showing;
    this.drawer.hidden = !next;
    this.drawer.dataset['open'] = which;
    if (!next) return;
    if (which === 'scenarios' && this.options.session) {
      this.scenarios ??= new ScenarioPanel({
        api: this.options.session.api,
        role: this.options.session.me.role,
        watch: (id) => this.options.watch(id),
      });
      void this.scenarios.refresh();
      setChildren(this.drawer, this.scenarios.el);
    } else if (which === 'charts') {
      setChildren(this.drawer, this.charts ? this.charts.el : h('p', { class: 'empty' }, 'No run shown.'));
      this.charts?.draw();
    }
  }

  destroy(): void {
    this.leave();
    this.el.remove();
  }

  private leave(): void {
    if (this.followTimer) clearInterval(this.followTimer);
    for (const p of this.parts) p.destroy();
    this.parts = [];
    this.globe?.destroy();
    this.globe = null;
    this.source?.close();
    this.source = null;
    this.charts = null;
  }

  private refreshFollow(): void {
    const model = this.source?.model;
    if (!model) return;
    const ids = [...model.tracks.values()]
      .filter((t) => t.position && t.status !== 'tentative')
      .map((t) => t.id)
      .slice(0, FOLLOW_CHOICES);
    const current = this.follow.value;
    const wanted = ['', ...ids].join('\n');
    const have = [...this.follow.options].map((o) => o.value).join('\n');
    if (wanted !== have)
      setChildren(
        this.follow,
        h('option', { value: '' }, 'Follow a track…'),
        ...ids.map((id) => h('option', { value: id, selected: id === current }, id)),
      );
  }
}
