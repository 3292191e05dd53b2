// A progress bar for many runs on stderr: runs done of all, the rate and the time left,
// on a terminal only and never with --quiet or --json (as src/cli/progress.ts).
import cliProgress from 'cli-progress';

export interface RateProgress {
  /** Counts one more finished run. */
  tick(): void;
  stop(): void;
}

const silent: RateProgress = { tick() {}, stop() {} };

export function rateProgressBar(label: string, total: number, unit: string, enabled: boolean): RateProgress {
  if (!enabled || !process.stderr.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} ${unit} | {rate} ${unit}/s | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  bar.start(total, 0, { rate: '0.0' });
  return {
    tick() {
      done++;
      const rate = done / ((performance.now() - started) / 1000);
      bar.update(done, { rate: rate.toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}
