// Runs the CLI in this process (fast enough for hundreds of fuzz cases), with
// its output captured.
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: readonly string[], overrides: Partial<Io> = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    env: {},
    // A workbook's bytes as latin1: one character per byte.
    stdout: (output) => void (stdout += typeof output === 'string' ? output : Buffer.from(output).toString('latin1')),
    stderr: (text) => void (stderr += text),
    stdoutIsTerminal: false,
    packageRoot: PACKAGE_ROOT,
    ...overrides,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** SPEC §6: `file:line:col: error: …`, or for a problem with the file itself `file: error: …`. */
export const LOCATED = /^(?<file>[^:]+?)(?::(?<line>\d+):(?<col>\d+))?: error: .+$/;
