// "Did you mean …?" for misspelt keys and values. Distance is the true (unrestricted)
// Damerau–Levenshtein edit distance: insertions, deletions, substitutions and
// transpositions of adjacent characters, each costing 1 (Lowrance & Wagner, "An
// extension of the string-to-string correction problem", JACM 22(2), 1975).

/** Edit distance between `a` and `b` counting adjacent transpositions as one edit. */
export function damerauLevenshtein(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const inf = n + m;
  const width = m + 2;
  // d[(i + 1) * width + (j + 1)] is the distance between a[0, i) and b[0, j); row and
  // column 0 hold `inf` as the Lowrance–Wagner sentinel.
  const d = new Uint32Array((n + 2) * width);
  d[0] = inf;
  for (let i = 0; i <= n; i++) {
    d[(i + 1) * width] = inf;
    d[(i + 1) * width + 1] = i;
  }
  for (let j = 0; j <= m; j++) {
    d[j + 1] = inf;
    d[width + j + 1] = j;
  }
  const lastRowOf = new Map<string, number>();
  for (let i = 1; i <= n; i++) {
    let lastMatchCol = 0;
    for (let j = 1; j <= m; j++) {
      const i1 = lastRowOf.get(b[j - 1]!) ?? 0;
      const j1 = lastMatchCol;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[(i + 1) * width + j + 1] = Math.min(
        d[i * width + j]! + cost,
        d[(i + 1) * width + j]! + 1,
        d[i * width + j + 1]! + 1,
        d[i1 * width + j1]! + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRowOf.set(a[i - 1]!, i);
  }
  return d[(n + 1) * width + m + 1]!;
}

/**
 * The candidate nearest to `word` (case-insensitive), or undefined when none is close
 * enough to be a plausible misspelling: at most a third of the longer word's length
 * in edits (at least one), so `clas` → `class` but `foo` → nothing. Ties go to the
 * earlier candidate. Words longer than 64 characters are not misspellings of any name
 * here, and skipping them keeps the quadratic distance cheap on junk input.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = damerauLevenshtein(w, candidate.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(w.length, candidate.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
