/**
 * Ends the run with one plain line, `tests: N passed, N failed[, N skipped]`, which any CI can
 * read whatever it makes of Vitest's own coloured summary.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // A file that fails to load has no tests but is a failure all the same.
      if (module.state() === 'failed' && module.children.size === 0) failed += 1;
    }
    const line = `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    // Vitest's own summary is printed after this hook; the line must be the run's last.
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
