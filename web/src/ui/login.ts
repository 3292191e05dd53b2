// The way in: a token (the service prints an admin token at its first start, or takes
// VIGIL_ADMIN_TOKEN; admins make more with POST /api/tokens), checked with /api/me —
// or a recorded run opened from its files, which needs no service.
import { Api } from '../data/api.ts';
import type { Me } from '../data/types.ts';
import { h, setText } from './dom.ts';

export interface RecordedFiles {
  summary: File;
  czml: File;
}

export function loginView(
  onLogin: (api: Api, me: Me) => void,
  onRecorded: (files: RecordedFiles) => void,
): HTMLElement {
  const token = h('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'current-password',
    'aria-label': 'Token',
    placeholder: 'vigil_…',
  });
  const message = h('p', { class: 'login-message', role: 'status' });
  const submit = async (event: Event) => {
    event.preventDefault();
    const api = new Api(token.value.trim());
    setText(message, 'checking…');
    try {
      onLogin(api, await api.get<Me>('/api/me'));
    } catch (err) {
      setText(message, (err as Error).message);
    }
  };
  const summary = h('input', { type: 'file', accept: '.json', 'aria-label': 'summary.json' });
  const czml = h('input', { type: 'file', accept: '.czml,.json', 'aria-label': 'scene.czml' });
  const open = () => {
    const s = summary.files?.[0];
    const c = czml.files?.[0];
    if (s && c) onRecorded({ summary: s, czml: c });
  };
  summary.addEventListener('change', open);
  czml.addEventListener('change', open);
  return h(
    'main',
    { class: 'login' },
    h('h1', null, 'vigil'),
    h('p', { class: 'tagline' }, 'Missile-attack early-warning simulator — operator console'),
    h(
      'form',
      { class: 'login-form', onsubmit: submit },
      h('label', null, 'Token ', token),
      h('button', { type: 'submit' }, 'Log in'),
      message,
      h(
        'p',
        { class: 'hint' },
        'vigil serve prints an admin token at its first start (or takes VIGIL_ADMIN_TOKEN).',
      ),
    ),
    h(
      'section',
      { class: 'recorded-open' },
      h('h2', null, 'Or open a recorded run'),
      h(
        'p',
        { class: 'hint' },
        'The summary.json and scene.czml that `vigil run SCENARIO --out DIR` writes.',
      ),
      h('label', null, 'summary.json ', summary),
      h('label', null, 'scene.czml ', czml),
    ),
  );
}
