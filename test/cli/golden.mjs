// Runs the built CLI for one golden case and renders what it did as text:
// the command, the exit code, stdout and stderr. Shared by the golden test and
// the script that regenerates the golden files.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/fintech-calc.js', import.meta.url));

/** A clean, fixed environment: no colour, no locale, UTC, unless a case says otherwise. */
export function runCase({ args, env = {} }) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C', TZ: 'UTC', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function transcript(testCase, { code, stdout, stderr }) {
  const env = Object.entries(testCase.env ?? {}).map(([key, value]) => `${key}=${value} `).join('');
  return `$ ${env}fintech-calc ${testCase.args.join(' ')}\n--- exit ${code}\n` +
    `--- stdout\n${stdout}--- stderr\n${stderr}`;
}

export function goldenPath(name) {
  return fileURLToPath(new URL(`../golden/${name}.txt`, import.meta.url));
}
