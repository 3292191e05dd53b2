// Scenarios with version history: each save of a changed text is the next version of
// its name. The text is checked with the scenario loader before it is stored, so a
// stored scenario always parses again with `parseScenario(text, name)`.
import { parseScenario } from '../scenario/load.ts';
import type { ScenarioHead, ScenarioVersion } from './records.ts';
import { compareText, nowIso, numberAt, textAt } from './row-values.ts';
import type { SqlDatabase, SqlRow } from './sql.ts';
import { StoreError } from './store-error.ts';
import { checkName } from './store-input.ts';

function toVersion(row: SqlRow): ScenarioVersion {
  return {
    name: textAt(row, 'name'),
    version: numberAt(row, 'version'),
    text: textAt(row, 'text'),
    createdAt: textAt(row, 'created_at'),
  };
}

export async function saveScenario(db: SqlDatabase, name: string, text: string): Promise<ScenarioVersion> {
  checkName(name, 'name');
  parseScenario(text, name);
  return db.transaction(async (tx) => {
    const latest = (
      await tx.all(
        'SELECT name, version, text, created_at FROM scenario_versions WHERE name = ? ORDER BY version DESC LIMIT 1',
        [name],
      )
    )[0];
    if (latest && textAt(latest, 'text') === text) return toVersion(latest);
    const saved: ScenarioVersion = {
      name,
      version: latest ? numberAt(latest, 'version') + 1 : 1,
      text,
      createdAt: nowIso(),
    };
    await tx.run('INSERT INTO scenario_versions (name, version, text, created_at) VALUES (?, ?, ?, ?)', [
      saved.name,
      saved.version,
      saved.text,
      saved.createdAt,
    ]);
    return saved;
  });
}

export async function getScenario(
  db: SqlDatabase,
  name: string,
  version?: number,
): Promise<ScenarioVersion | null> {
  const rows =
    version === undefined
      ? await db.all(
          'SELECT name, version, text, created_at FROM scenario_versions WHERE name = ? ORDER BY version DESC LIMIT 1',
          [name],
        )
      : await db.all(
          'SELECT name, version, text, created_at FROM scenario_versions WHERE name = ? AND version = ?',
          [name, version],
        );
  return rows[0] ? toVersion(rows[0]) : null;
}

export async function listScenarios(db: SqlDatabase): Promise<ScenarioHead[]> {
  const rows = await db.all(
    `SELECT name, MAX(version) AS latest, COUNT(*) AS versions, MIN(created_at) AS created, MAX(created_at) AS updated
     FROM scenario_versions GROUP BY name`,
  );
  return rows
    .map((row) => ({
      name: textAt(row, 'name'),
      latestVersion: numberAt(row, 'latest'),
      versions: numberAt(row, 'versions'),
      createdAt: textAt(row, 'created'),
      updatedAt: textAt(row, 'updated'),
    }))
    .sort((a, b) => compareText(a.name, b.name));
}

export async function listScenarioVersions(db: SqlDatabase, name: string): Promise<ScenarioVersion[]> {
  const rows = await db.all(
    'SELECT name, version, text, created_at FROM scenario_versions WHERE name = ? ORDER BY version',
    [name],
  );
  return rows.map(toVersion);
}

export async function deleteScenario(db: SqlDatabase, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    const versions = numberAt(
      (await tx.all('SELECT COUNT(*) AS n FROM scenario_versions WHERE name = ?', [name]))[0],
      'n',
    );
    if (versions === 0) throw new StoreError('not-found', `no scenario named '${name}'`);
    const runs = numberAt(
      (await tx.all('SELECT COUNT(*) AS n FROM runs WHERE scenario_name = ?', [name]))[0],
      'n',
    );
    if (runs > 0)
      throw new StoreError(
        'conflict',
        `scenario '${name}' is used by ${runs} run${runs === 1 ? '' : 's'}; it cannot be deleted`,
      );
    await tx.run('DELETE FROM scenario_versions WHERE name = ?', [name]);
  });
}
