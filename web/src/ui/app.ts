// The console's entry: log in with a token (kept for the browser tab's session), then
// show the run named in the address (#run=<id>), the newest run, or the scenarios to
// start one; or open a recorded run's files. The address follows the run shown.
import { Api } from '../data/api.ts';
import { LiveSource } from '../data/live-source.ts';
import { RecordedSource } from '../data/recorded-source.ts';
import type { RunSummary } from '../data/summary-types.ts';
import type { Me, RunView } from '../data/types.ts';
import { ConsoleView } from './console-view.ts';
import { loginView, type RecordedFiles } from './login.ts';

const TOKEN_KEY = 'vigil.token';

function runInAddress(): string | null {
  const m = /^#run=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function startConsole(root: HTMLElement): void {
  let view: ConsoleView | null = null;

  const showLogin = () => {
    view?.destroy();
    view = null;
    root.replaceChildren(loginView(loggedIn, openRecorded));
  };

  const watchLive = async (api: Api, runId: string) => {
    if (!view) return;
    try {
      const current = view;
      const source = await LiveSource.open(api, runId, {
        onConnection: (state, detail) =>
          current.setConnection(state === 'open' ? 'live' : `${state}${detail ? ` (${detail})` : ''}`),
        onNotice: (text) => current.notices.show(text, 'info'),
      });
      current.show(source);
      current.toggleDrawer('scenarios', false);
      if (runInAddress() !== runId) history.replaceState(null, '', `#run=${encodeURIComponent(runId)}`);
    } catch (err) {
      view.notices.show(`run ${runId}: ${(err as Error).message}`);
      view.toggleDrawer('scenarios', true);
    }
  };

  function loggedIn(api: Api, me: Me): void {
    sessionStorage.setItem(TOKEN_KEY, api.token);
    view = new ConsoleView({
      session: { api, me },
      logout: () => {
        sessionStorage.removeItem(TOKEN_KEY);
        history.replaceState(null, '', location.pathname);
        showLogin();
      },
      watch: (id) => void watchLive(api, id),
    });
    root.replaceChildren(view.el);
    const named = runInAddress();
    if (named) void watchLive(api, named);
    else
      api.get<RunView[]>('/api/runs').then(
        (runs) => {
          if (runs[0]) void watchLive(api, runs[0].id);
          else view?.toggleDrawer('scenarios', true);
        },
        () => view?.toggleDrawer('scenarios', true),
      );
  }

  function openRecorded(files: RecordedFiles): void {
    Promise.all([files.summary.text(), files.czml.text()]).then(
      ([summary, czml]) => {
        view = new ConsoleView({ session: null, logout: showLogin, watch: () => undefined });
        root.replaceChildren(view.el);
        view.setConnection('recorded');
        view.show(new RecordedSource(JSON.parse(summary) as RunSummary, JSON.parse(czml) as unknown[]));
      },
      (err: Error) => alert(`could not read the files: ${err.message}`),
    );
  }

  window.addEventListener('hashchange', () => {
    const id = runInAddress();
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (id && token && view) void watchLive(new Api(token), id);
  });

  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    showLogin();
    return;
  }
  const api = new Api(token);
  api.get<Me>('/api/me').then((me) => loggedIn(api, me), showLogin);
}
