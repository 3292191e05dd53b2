// `vigil audit verify FILE`: checks an audit chain (audit.jsonl from `vigil run --out`)
// and names the first record that does not hold.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyAuditLines } from '../../centre/audit/audit-log.ts';
import { InputError } from '../../scenario/input-error.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('work with audit chains');
  audit
    .command('verify')
    .description('check a hash-chained audit log and name the first bad record')
    .argument('<file>', 'audit log (JSON Lines), e.g. out/audit.jsonl')
    .addHelpText(
      'after',
      '\nExample:\n  $ vigil audit verify out/salvo/audit.jsonl\n  out/salvo/audit.jsonl: chain intact (42 records)',
    )
    .action((file: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new InputError({
          source: file,
          path: [],
          message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        });
      }
      const result = verifyAuditLines(text);
      if (!result.ok) {
        throw new InputError({
          source: file,
          line: result.line,
          path: [],
          message: `chain broken at record ${result.seq ?? '?'}: ${result.reason}`,
        });
      }
      process.stdout.write(`${file}: chain intact (${result.records} records)\n`);
    });
}
