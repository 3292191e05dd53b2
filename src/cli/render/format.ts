// Small formatters for the command line's human-readable output.

/** `+1:02:03` (or `+2:03` under an hour) for a time after the epoch, s. */
export function formatElapsed(tS: number): string {
  const sign = tS < 0 ? '-' : '+';
  const total = Math.round(Math.abs(tS));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${sign}${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** `HH:MM:SSZ` of a UTC instant (ms). */
export function formatClock(unixMs: number): string {
  return `${new Date(Math.round(unixMs / 1000) * 1000).toISOString().slice(11, 19)}Z`;
}

/** `55.00°N 90.00°E` */
export function formatLatLon(latDeg: number, lonDeg: number, digits = 2): string {
  const lat = `${Math.abs(latDeg).toFixed(digits)}°${latDeg < 0 ? 'S' : 'N'}`;
  const lon = `${Math.abs(lonDeg).toFixed(digits)}°${lonDeg < 0 ? 'W' : 'E'}`;
  return `${lat} ${lon}`;
}

/** Renders rows as a left-aligned text table with a header rule. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
