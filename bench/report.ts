// The results table (terminal and bench/results.md) and bench/results.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ResultLine {
  figure: string;
  measured: string;
  baseline: string;
  budget: string;
  /** null: reported, no budget. */
  pass: boolean | null;
}

const RESULTS_MD = fileURLToPath(new URL('./results.md', import.meta.url));
const RESULTS_JSON = fileURLToPath(new URL('./results.json', import.meta.url));

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function resultTable(lines: ResultLine[]): string {
  const rows = lines.map(
    (l) =>
      `| ${[l.figure, l.measured, l.baseline, l.budget, l.pass === null ? '—' : l.pass ? 'PASS' : 'FAIL'].map(cell).join(' | ')} |`,
  );
  return [
    '| Figure | Measured (median, min, max) | Baseline (same run) | Budget | Result |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function writeResults(
  lines: ResultLine[],
  sections: string[],
  raw: unknown,
  environment: Record<string, string>,
): void {
  const env = Object.entries(environment)
    .map(([k, v]) => `- ${k}: ${v}`)
    .join('\n');
  const failed = lines.filter((l) => l.pass === false).length;
  const md = [
    '# `npm run bench` — results',
    '',
    env,
    '',
    resultTable(lines),
    '',
    failed ? `**${failed} budget(s) failed.**` : '**All budgets hold.**',
    '',
    ...sections,
  ].join('\n');
  writeFileSync(RESULTS_MD, `${md}\n`);
  writeFileSync(RESULTS_JSON, `${JSON.stringify({ environment, lines, raw }, null, 2)}\n`);
}
