// Small charts drawn server-side as SVG text for the self-contained HTML report: a
// histogram and an empirical CDF (one step line per series). Written by hand rather
// than through a plotting library so that they need no DOM and no network; axis ticks
// at 1, 2 or 5 × 10^k (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).

export interface Series {
  label: string;
  values: readonly number[];
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const FRAME: Frame = { width: 560, height: 300, left: 56, right: 16, top: 34, bottom: 46 };
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Tick step near span/target at 1, 2 or 5 × 10^k. */
export function niceStep(span: number, target = 6): number {
  if (!(span > 0)) return 1;
  const raw = span / target;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

function niceDomain(lo: number, hi: number): [number, number, number] {
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo);
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step];
}

function label(x: number, step: number): string {
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return x.toFixed(Math.min(digits, 6));
}

function axes(
  f: Frame,
  title: string,
  xLabel: string,
  yLabel: string,
  x: { lo: number; hi: number; step: number },
  y: { lo: number; hi: number; step: number },
): string[] {
  const sx = (v: number) => f.left + ((v - x.lo) / (x.hi - x.lo)) * (f.width - f.left - f.right);
  const sy = (v: number) =>
    f.height - f.bottom - ((v - y.lo) / (y.hi - y.lo)) * (f.height - f.top - f.bottom);
  const parts = [
    `<text x="${f.left}" y="18" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    `<line x1="${f.left}" y1="${f.height - f.bottom}" x2="${f.width - f.right}" y2="${f.height - f.bottom}" stroke="#333"/>`,
    `<line x1="${f.left}" y1="${f.top}" x2="${f.left}" y2="${f.height - f.bottom}" stroke="#333"/>`,
  ];
  for (let v = x.lo; v <= x.hi + x.step * 1e-9; v += x.step) {
    const px = sx(v).toFixed(1);
    parts.push(
      `<line x1="${px}" y1="${f.height - f.bottom}" x2="${px}" y2="${f.height - f.bottom + 4}" stroke="#333"/>`,
      `<text x="${px}" y="${f.height - f.bottom + 16}" font-size="10" text-anchor="middle">${label(v, x.step)}</text>`,
    );
  }
  for (let v = y.lo; v <= y.hi + y.step * 1e-9; v += y.step) {
    const py = sy(v).toFixed(1);
    parts.push(
      `<line x1="${f.left}" y1="${py}" x2="${f.width - f.right}" y2="${py}" stroke="#e5e5e5"/>`,
      `<text x="${f.left - 6}" y="${(sy(v) + 3).toFixed(1)}" font-size="10" text-anchor="end">${label(v, y.step)}</text>`,
    );
  }
  parts.push(
    `<text x="${(f.left + f.width - f.right) / 2}" y="${f.height - 8}" font-size="11" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(14 ${(f.top + f.height - f.bottom) / 2}) rotate(-90)" font-size="11" text-anchor="middle">${escapeXml(yLabel)}</text>`,
  );
  return parts;
}

function svg(f: Frame, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" font-family="DejaVu Sans, Arial, sans-serif" role="img">${parts.join('')}</svg>`;
}

function noData(f: Frame, title: string): string {
  return svg(f, [
    `<text x="${f.left}" y="18" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="${f.width / 2}" y="${f.height / 2}" font-size="12" text-anchor="middle" fill="#777">no values</text>`,
  ]);
}

/** Histogram of the values in about `bins` bins on nice boundaries. */
export function histogramSvg(title: string, xLabel: string, values: readonly number[], bins = 20): string {
  const f = FRAME;
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return noData(f, title);
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  const width = niceStep(hi - lo || Math.abs(lo) || 1, bins);
  lo = Math.floor(lo / width) * width;
  hi = Math.max(lo + width, Math.ceil((hi + width * 1e-9) / width) * width);
  const n = Math.round((hi - lo) / width);
  const counts = new Array<number>(n).fill(0);
  for (const x of v) counts[Math.min(n - 1, Math.floor((x - lo) / width))]!++;
  const [xLo, xHi, xStep] = niceDomain(lo, hi);
  const [, yHi, yStep] = niceDomain(0, Math.max(...counts));
  const parts = axes(
    f,
    title,
    xLabel,
    'runs',
    { lo: xLo, hi: xHi, step: xStep },
    { lo: 0, hi: yHi, step: yStep },
  );
  const sx = (x: number) => f.left + ((x - xLo) / (xHi - xLo)) * (f.width - f.left - f.right);
  const sy = (y: number) => f.height - f.bottom - (y / yHi) * (f.height - f.top - f.bottom);
  counts.forEach((c, i) => {
    if (c === 0) return;
    const x0 = sx(lo + i * width);
    const x1 = sx(lo + (i + 1) * width);
    parts.push(
      `<rect x="${x0.toFixed(1)}" y="${sy(c).toFixed(1)}" width="${Math.max(0.5, x1 - x0 - 1).toFixed(1)}" height="${(sy(0) - sy(c)).toFixed(1)}" fill="${PALETTE[0]}"><title>${label(lo + i * width, width)}–${label(lo + (i + 1) * width, width)}: ${c}</title></rect>`,
    );
  });
  return svg(f, parts);
}

/** Empirical CDFs of the series as step lines, with a legend. */
export function cdfSvg(title: string, xLabel: string, series: readonly Series[]): string {
  const f = FRAME;
  const all = series.flatMap((s) => s.values.filter(Number.isFinite));
  if (all.length === 0) return noData(f, title);
  const [xLo, xHi, xStep] = niceDomain(Math.min(...all), Math.max(...all));
  const parts = axes(
    f,
    title,
    xLabel,
    'share of runs',
    { lo: xLo, hi: xHi, step: xStep },
    { lo: 0, hi: 1, step: 0.2 },
  );
  const sx = (x: number) => f.left + ((x - xLo) / (xHi - xLo)) * (f.width - f.left - f.right);
  const sy = (y: number) => f.height - f.bottom - y * (f.height - f.top - f.bottom);
  series.forEach((s, k) => {
    const v = s.values.filter(Number.isFinite).sort((a, b) => a - b);
    if (v.length === 0) return;
    const colour = PALETTE[k % PALETTE.length]!;
    let d = `M${sx(v[0]!).toFixed(1)},${sy(0).toFixed(1)}`;
    v.forEach((x, i) => {
      d += `V${sy(i / v.length).toFixed(1)}H${sx(x).toFixed(1)}V${sy((i + 1) / v.length).toFixed(1)}`;
    });
    d += `H${sx(xHi).toFixed(1)}`;
    parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.6"/>`);
    if (series.length > 1) {
      const y = f.top + 4 + 14 * k;
      parts.push(
        `<rect x="${f.width - f.right - 120}" y="${y}" width="10" height="10" fill="${colour}"/>`,
        `<text x="${f.width - f.right - 106}" y="${y + 9}" font-size="10">${escapeXml(s.label)} (${v.length})</text>`,
      );
    }
  });
  return svg(f, parts);
}

export interface PointSeries {
  label: string;
  points: ReadonlyArray<[number, number]>;
}

/** Scatter of (x, y) points on equal axes centred on the origin, one colour per series. */
export function scatterSvg(
  title: string,
  xLabel: string,
  yLabel: string,
  series: readonly PointSeries[],
): string {
  const f: Frame = { ...FRAME, width: 380, height: 380 };
  const all = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (all.length === 0) return noData(f, title);
  const reach = Math.max(...all.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
  const [, hi, step] = niceDomain(0, reach);
  const span = { lo: -hi, hi, step };
  const parts = axes(f, title, xLabel, yLabel, span, span);
  const sx = (x: number) => f.left + ((x + hi) / (2 * hi)) * (f.width - f.left - f.right);
  const sy = (y: number) => f.height - f.bottom - ((y + hi) / (2 * hi)) * (f.height - f.top - f.bottom);
  parts.push(
    `<line x1="${sx(0).toFixed(1)}" y1="${f.top}" x2="${sx(0).toFixed(1)}" y2="${f.height - f.bottom}" stroke="#999" stroke-dasharray="3 3"/>`,
    `<line x1="${f.left}" y1="${sy(0).toFixed(1)}" x2="${f.width - f.right}" y2="${sy(0).toFixed(1)}" stroke="#999" stroke-dasharray="3 3"/>`,
  );
  series.forEach((s, k) => {
    const colour = PALETTE[k % PALETTE.length]!;
    for (const [x, y] of s.points) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      parts.push(
        `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2.5" fill="${colour}" fill-opacity="0.7"/>`,
      );
    }
    if (series.length > 1) {
      const y = f.top + 4 + 14 * k;
      parts.push(
        `<rect x="${f.width - f.right - 90}" y="${y}" width="10" height="10" fill="${colour}"/>`,
        `<text x="${f.width - f.right - 76}" y="${y + 9}" font-size="10">${escapeXml(s.label)}</text>`,
      );
    }
  });
  return svg(f, parts);
}
