// Turns a message on a report subject — from the simulator or an external feed — into
// a SensorReport, or an InputError naming each bad field and what was expected (the
// consumer then sends the message to the dead-letter subject with that reason).
import { InputError, type InputProblem } from '../scenario/input-error.ts';
import { scenarioErrorMap } from '../scenario/issue-messages.ts';
import { issueProblems } from '../scenario/issue-problems.ts';
import { jsonSyntaxMessage } from '../scenario/json-syntax.ts';
import type { SensorReport } from '../sensors/report.ts';
import { sensorReportSchema } from './report-schema.ts';

/** Largest report message read, bytes; a report is a few hundred. */
export const MAX_REPORT_BYTES = 64 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes and checks one report message. With `subject`, the report's sensor must be
 * the one the subject names (`<root>.reports.<sensorId>`).
 */
export function decodeReportMessage(bytes: Uint8Array, subject?: string): SensorReport {
  const source = subject ?? 'report message';
  const fail = (path: InputProblem['path'], message: string): never => {
    throw new InputError({ source, path, message });
  };
  if (bytes.length > MAX_REPORT_BYTES)
    fail([], `too large (${bytes.length} bytes): a report message is at most ${MAX_REPORT_BYTES} bytes`);
  let text = '';
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    fail([], 'not UTF-8 text: a report message is a JSON object');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    fail([], `not valid JSON: ${jsonSyntaxMessage(err)}`);
  }
  const result = sensorReportSchema.safeParse(data, { error: scenarioErrorMap });
  if (!result.success) throw new InputError(issueProblems(result.error.issues, source));
  const report: SensorReport = result.data;
  if (subject !== undefined) {
    const marker = '.reports.';
    const at = subject.indexOf(marker);
    const subjectSensor = at < 0 ? '' : subject.slice(at + marker.length);
    if (subjectSensor !== report.sensorId)
      fail(
        ['sensorId'],
        `expected '${subjectSensor}', the sensor the subject names; got '${report.sensorId}'`,
      );
  }
  return report;
}
