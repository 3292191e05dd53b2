// Migration 2: audit records can be added, never changed or removed — enforced by the
// database itself, so no code path (or hand-written SQL) can rewrite history. Trigger
// syntax differs between the two databases, so each has its own text.
import type { Migration } from '../migration.ts';

const sqlite = `
CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
`;

const postgres = `
CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only';
END;
$$;
CREATE TRIGGER audit_records_no_change BEFORE UPDATE OR DELETE ON audit_records
FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
`;

export const auditAppendOnly: Migration = {
  version: 2,
  name: 'audit-append-only',
  sql: { sqlite, postgres },
};
