/**
 * Tools the tests drive that nobody here wrote (a browser, an XML Schema validator, an OAI-PMH
 * harvester) come from Debian's packages. A test that needs one calls requireDebianCommand:
 * the command is used where the machine has it, installed with apt-get where the run is root,
 * and otherwise the test fails saying what is missing and how to install it: never skipped.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DebianCommand {
  /** The Debian package that ships the command, e.g. `libxml2-utils`. */
  package: string;
  /** The command's name, looked up on PATH, e.g. `xmllint`. */
  command: string;
}

async function onPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

// Two test files asking at once share one apt-get run instead of racing for dpkg's lock.
const installs = new Map<string, Promise<void>>();
let updated: Promise<unknown> | undefined;

async function aptInstall(pkg: string): Promise<void> {
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  updated ??= run('apt-get', [...lockWait, 'update'], { env, maxBuffer: 64 << 20 });
  await updated;
  await run('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', pkg], { env, maxBuffer: 64 << 20 });
}

/**
 * Installs `pkg` as root, once per test process, or fails saying how to install it; `needed`
 * names what the test needs from it.
 */
async function installForTest(pkg: string, needed: string): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error(`${needed} is not installed and this test run is not root: install it with \`sudo apt-get install ${pkg}\``);
  }
  let install = installs.get(pkg);
  if (!install) {
    install = aptInstall(pkg);
    installs.set(pkg, install);
  }
  try {
    await install;
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-3).join(' / ') ?? String(error);
    throw new Error(`could not install ${pkg} (for ${needed}) with apt-get: ${detail}`);
  }
}

/** The absolute path of the command, installing its package first where it is missing. */
export async function requireDebianCommand({ package: pkg, command }: DebianCommand): Promise<string> {
  const found = await onPath(command);
  if (found) return found;
  await installForTest(pkg, command);
  const installed = await onPath(command);
  if (!installed) throw new Error(`apt-get installed ${pkg}, but ${command} is still not on PATH`);
  return installed;
}

/**
 * A file a Debian package installs (a font, a schema), installing the package first where the
 * file is missing, under the same rules as requireDebianCommand.
 */
export async function requireDebianFile({ package: pkg, file }: { package: string; file: string }): Promise<string> {
  const present = () => access(file, constants.R_OK).then(() => true, () => false);
  if (await present()) return file;
  await installForTest(pkg, file);
  if (!(await present())) throw new Error(`apt-get installed ${pkg}, but ${file} is still missing`);
  return file;
}
