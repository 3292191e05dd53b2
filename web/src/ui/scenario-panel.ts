// Scenarios and runs (issue 7): pick a bundled or stored scenario, or upload a file;
// edit it (text or form); validate it on the service, whose located problems are
// shown with line and field; store it and start a run (admins); pick a run to watch.
import { type Api, ApiRequestError, seg } from '../data/api.ts';
import type { BundledScenario, Role, RunView, ScenarioHead, ScenarioVersion } from '../data/types.ts';
import { formatDuration } from '../format/time.ts';
import { h, setChildren, setText } from './dom.ts';
import { caretTo, problemTable } from './problems.ts';
import { ScenarioForm } from './scenario-form.ts';

/** A stored scenario's name for a bundled one: `incidents/1983-oko-glint` → `incidents.1983-oko-glint`. */
export function storedNameOf(bundledId: string): string {
  return bundledId.replace(/\//g, '.');
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

export interface ScenarioPanelOptions {
  api: Api;
  role: Role;
  /** Watch a run. */
  watch: (runId: string) => void;
}

export class ScenarioPanel {
  readonly el: HTMLElement;
  private readonly api: Api;
  private readonly role: Role;
  private readonly watch: (runId: string) => void;
  private readonly bundledList = h('ul', { class: 'scenario-list bundled' });
  private readonly storedList = h('ul', { class: 'scenario-list stored' });
  private readonly runList = h('ul', { class: 'run-list' });
  private readonly name = h('input', {
    type: 'text',
    class: 'scenario-name',
    'aria-label': 'Scenario name',
    placeholder: 'name to store it under',
  });
  private readonly file = h('input', {
    type: 'file',
    class: 'scenario-file',
    accept: '.yaml,.yml,.json',
    'aria-label': 'Upload a scenario file',
  });
  private readonly text = h('textarea', {
    class: 'scenario-text',
    spellcheck: false,
    rows: 14,
    'aria-label': 'Scenario text',
  });
  private readonly result = h('div', { class: 'validation', role: 'status' });
  private readonly mode = h(
    'select',
    { class: 'run-mode', 'aria-label': 'Run mode' },
    h('option', { value: 'paced' }, 'paced'),
    h('option', { value: 'batch' }, 'as fast as possible'),
  );
  private readonly pace = h('input', {
    type: 'number',
    class: 'run-pace',
    min: 1,
    max: 10000,
    value: 30,
    'aria-label': 'Pace, × real time',
  });
  private readonly form: ScenarioForm;
  private fileName = 'scenario.yaml';

  constructor(options: ScenarioPanelOptions) {
    this.api = options.api;
    this.role = options.role;
    this.watch = options.watch;
    this.form = new ScenarioForm(
      () => this.text.value,
      (t) => {
        this.text.value = t;
      },
    );
    this.text.addEventListener('change', () => this.form.refresh());
    this.file.addEventListener('change', () => void this.upload());
    const admin = this.role === 'admin';
    this.el = h(
      'section',
      { class: 'scenario-panel', 'aria-label': 'Scenarios' },
      h('h2', null, 'Scenarios'),
      h('h3', null, 'Bundled'),
      this.bundledList,
      h('h3', null, 'Stored'),
      this.storedList,
      h('h3', null, 'Edit, check, run'),
      h('div', { class: 'scenario-io' }, this.name, this.file),
      this.text,
      h(
        'details',
        { class: 'form-editor' },
        h('summary', { onclick: () => this.form.refresh() }, 'Launches and notifications (form)'),
        this.form.el,
      ),
      h(
        'div',
        { class: 'scenario-buttons' },
        h('button', { type: 'button', class: 'validate', onclick: () => void this.validate() }, 'Validate'),
        admin
          ? h('button', { type: 'button', class: 'save', onclick: () => void this.save() }, 'Save')
          : null,
        admin ? this.mode : null,
        admin ? this.pace : null,
        admin
          ? h('button', { type: 'button', class: 'start-run', onclick: () => void this.start() }, 'Start run')
          : null,
      ),
      this.result,
      h('h3', null, 'Runs'),
      this.runList,
    );
    void this.refresh();
  }

  /** Reloads the lists of scenarios and runs. */
  async refresh(): Promise<void> {
    try {
      const [bundled, stored, runs] = await Promise.all([
        this.api.get<BundledScenario[]>('/api/bundled-scenarios'),
        this.api.get<ScenarioHead[]>('/api/scenarios'),
        this.api.get<RunView[]>('/api/runs'),
      ]);
      setChildren(
        this.bundledList,
        ...bundled.map((b) =>
          h(
            'li',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'pick',
                'data-scenario': b.id,
                onclick: () => this.load(storedNameOf(b.id), b.text, `${b.id}.yaml`),
              },
              b.id,
            ),
            ` ${b.digest.title} · ${b.digest.launches} launches · ${formatDuration(b.digest.durationS)}`,
          ),
        ),
      );
      setChildren(
        this.storedList,
        ...(stored.length
          ? stored.map((s) =>
              h(
                'li',
                null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'pick',
                    'data-scenario': s.name,
                    onclick: () => void this.loadStored(s.name),
                  },
                  s.name,
                ),
                ` v${s.latestVersion}`,
              ),
            )
          : [h('li', { class: 'empty' }, 'none stored yet')]),
      );
      setChildren(
        this.runList,
        ...(runs.length
          ? runs.map((r) =>
              h(
                'li',
                null,
                h(
                  'button',
                  { type: 'button', class: 'watch', 'data-run': r.id, onclick: () => this.watch(r.id) },
                  r.scenarioName,
                ),
                ` ${r.status} · ${r.progressS === null ? '—' : formatDuration(r.progressS)} of ${formatDuration(r.durationS)} · ${r.createdAt.slice(0, 19).replace('T', ' ')}Z`,
              ),
            )
          : [h('li', { class: 'empty' }, 'no runs yet')]),
      );
    } catch (err) {
      this.showError(err);
    }
  }

  private load(name: string, text: string, fileName: string): void {
    this.name.value = name;
    this.text.value = text;
    this.fileName = fileName;
    setChildren(this.result);
    this.form.refresh();
  }

  private async loadStored(name: string): Promise<void> {
    try {
      const v = await this.api.get<ScenarioVersion>(`/api/scenarios/${seg(name)}`);
      this.load(name, v.text, `${name}.yaml`);
    } catch (err) {
      this.showError(err);
    }
  }

  /** Reads the chosen file into the editor and checks it at once. */
  private async upload(): Promise<void> {
    const f = this.file.files?.[0];
    if (!f) return;
    const text = await f.text();
    const base = f.name
      .replace(/\.(ya?ml|json)$/i, '')
      .replace(/[^A-Za-z0-9_.:-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '');
    this.load(base || 'uploaded', text, f.name);
    await this.validate();
  }

  async validate(): Promise<boolean> {
    setText(this.result, 'checking…');
    try {
      const answer = await this.api.post<{
        digest: { title: string; launches: number; durationS: number; sensors: number };
      }>('/api/scenarios/validate', { text: this.text.value, name: this.fileName });
      const d = answer.digest;
      setChildren(
        this.result,
        h(
          'p',
          { class: 'valid' },
          `Valid: ${d.title} — ${d.launches} launches, ${formatDuration(d.durationS)}, ${d.sensors} sensors.`,
        ),
      );
      return true;
    } catch (err) {
      this.showError(err);
      return false;
    }
  }

  /** Stores the text under the name (a new scenario, or a new version); returns the name or null. */
  private async save(): Promise<string | null> {
    const name = this.name.value.trim();
    if (!NAME_PATTERN.test(name)) {
      setChildren(
        this.result,
        h('p', { class: 'error' }, "A name: 1-100 letters, digits, '_', '.', ':' or '-'."),
      );
      return null;
    }
    try {
      let stored: ScenarioVersion;
      try {
        await this.api.get<ScenarioVersion>(`/api/scenarios/${seg(name)}`);
        stored = await this.api.put<ScenarioVersion>(`/api/scenarios/${seg(name)}`, {
          text: this.text.value,
        });
      } catch (err) {
        if (!(err instanceof ApiRequestError) || err.status !== 404) throw err;
        stored = await this.api.post<ScenarioVersion>('/api/scenarios', { name, text: this.text.value });
      }
      setChildren(
        this.result,
        h('p', { class: 'valid' }, `Stored as ${stored.name} version ${stored.version}.`),
      );
      void this.refresh();
      return stored.name;
    } catch (err) {
      this.showError(err);
      return null;
    }
  }

  private async start(): Promise<void> {
    const name = await this.save();
    if (!name) return;
    try {
      const run = await this.api.post<RunView>('/api/runs', {
        scenario: name,
        mode: this.mode.value,
        pace: Math.min(10_000, Math.max(1, Number(this.pace.value) || 1)),
      });
      this.watch(run.id);
    } catch (err) {
      this.showError(err);
    }
  }

  private showError(err: unknown): void {
    this.result.scrollIntoView?.({ block: 'nearest' });
    if (err instanceof ApiRequestError && err.problems.length > 0) {
      setChildren(
        this.result,
        h('p', { class: 'error' }, `${err.problems.length} problem${err.problems.length > 1 ? 's' : ''}:`),
        problemTable(err.problems, (line, column) => caretTo(this.text, line, column)),
      );
      return;
    }
    setChildren(this.result, h('p', { class: 'error' }, (err as Error).message));
  }
}
