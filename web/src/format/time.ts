// Times as the console shows them: run time as T+m:ss after the scenario epoch (the
// CLI timeline's form, so the evidence lines read the same), durations, the countdown
// to a predicted impact, and the wall-clock (UTC) instant of a run time.

function clockParts(totalS: number): string {
  const s = Math.floor(totalS);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A length of time as m:ss (h:mm:ss from an hour), rounded down to the second. */
export function formatDuration(seconds: number): string {
  return seconds < 0 ? `−${clockParts(-seconds)}` : clockParts(seconds);
}

/** A run time: T+m:ss after the epoch, T−m:ss before it. */
export function formatRunTime(timeS: number): string {
  return timeS < 0 ? `T−${clockParts(Math.ceil(-timeS))}` : `T+${clockParts(timeS)}`;
}

/** The seconds of an evidence line's `[T+m:ss]` or `[T+h:mm:ss]` stamp, or null. */
export function parseRunTime(text: string): number | null {
  const m = /^T([+−-])(?:(\d+):)?(\d+):(\d{2})$/.exec(text);
  if (!m) return null;
  const s = Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return m[1] === '+' ? s : -s;
}

export interface Countdown {
  text: string;
  /** Seconds left; negative once the predicted time has passed. */
  remainingS: number;
  /** Under five minutes left. */
  urgent: boolean;
}

/** Five minutes: the countdown turns urgent below it. */
export const URGENT_S = 300;

/**
 * Time to a predicted impact from the time shown. Counts in whole seconds, rounding
 * up, so it reads 0:00 only at the predicted instant.
 */
export function impactCountdown(impactTimeS: number, nowS: number): Countdown {
  const remainingS = impactTimeS - nowS;
  if (remainingS <= 0)
    return { text: `impact time passed (${formatRunTime(impactTimeS)})`, remainingS, urgent: false };
  return {
    text: `impact in ${clockParts(Math.ceil(remainingS))}`,
    remainingS,
    urgent: remainingS < URGENT_S,
  };
}

/** The UTC instant of a run time: `2026-05-01 12:04:35Z` (`withDate` false: `12:04:35Z`). */
export function formatUtc(epochIso: string, timeS: number, withDate = true): string {
  const ms = Date.parse(epochIso) + Math.floor(timeS) * 1000;
  const iso = new Date(ms).toISOString();
  const time = `${iso.slice(11, 19)}Z`;
  return withDate ? `${iso.slice(0, 10)} ${time}` : time;
}
