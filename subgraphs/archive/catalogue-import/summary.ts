/**
 * The summary an import prints at its end (and a dry run prints without writing), for a
 * terminal: what came from the file (its name, cells, column names) is printed terminal-safe.
 */
import { terminalSafe } from '../../../protocol/text.js';
import type { ImportReport } from './import.js';

const number = new Intl.NumberFormat('en-US');

export function formatImportSummary(report: ImportReport): string {
  const outcome = report.dryRun
    ? '试导入，未写入任何数据 / dry run: nothing written'
    : report.written
      ? report.rejected > 0
        ? '已导入有效行，被拒绝的行未导入 / valid rows imported (--partial), rejected rows left out'
        : '已导入 / imported'
      : '有被拒绝的行，未写入任何数据 / rows were rejected: NOTHING was written (fix them, or use --partial)';
  const lines = [
    `${terminalSafe(report.file)} (${report.format}, ${report.encoding}): ${outcome}`,
    `  rows read 读取 ${number.format(report.rowsRead)}; added 新增 ${number.format(report.added)}, updated 更新 ${number.format(report.updated)}, unchanged 未变 ${number.format(report.unchanged)}, rejected 拒绝 ${number.format(report.rejected)}`,
    `  access 开放状态: OPEN 开放 ${number.format(report.byAccess.OPEN)}, DELAYED 延期开放 ${number.format(report.byAccess.DELAYED)}, UNREVIEWED 未审核 ${number.format(report.byAccess.UNREVIEWED)}`,
  ];
  const rules = Object.entries(report.rejectedByRule).sort((a, b) => b[1] - a[1]);
  if (rules.length > 0) lines.push('  rejected by reason 拒绝原因:', ...rules.map(([rule, n]) => `    ${number.format(n)} × ${rule}`));
  for (const row of report.rejections.slice(0, 10)) {
    for (const r of row.reasons) lines.push(`    line ${row.line}, ${terminalSafe(r.column)}${r.value ? ` “${terminalSafe(r.value)}”` : ''}: ${terminalSafe(r.reason)}`);
  }
  if (report.rejected > 10) lines.push(`    … (every rejected row is in the rejects file, with its reason)`);
  if (report.ignoredColumns.length > 0) lines.push(`  columns ignored 未识别的列: ${report.ignoredColumns.map(terminalSafe).join(', ')} (map them with --mapping)`);
  const seconds = report.milliseconds / 1000;
  lines.push(`  time 用时 ${seconds.toFixed(1)} s, ${number.format(Math.round(report.rowsRead / Math.max(seconds, 0.001)))} rows/s`);
  return lines.join('\n');
}
