// Devices for tests that write to them. As root, a writer with a bug replaces
// whatever it writes to (a rename over /dev/full made it a regular file for every
// process on the machine): such tests write to a device node of their own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NUMBERS = { null: ['1', '3'], full: ['1', '7'] } as const;

/** /dev/null or /dev/full: as root a new node of the same device in a temporary folder, else the system's. */
export function testDevice(name: keyof typeof NUMBERS): string {
  if (process.getuid?.() !== 0) return `/dev/${name}`;
  const path = join(mkdtempSync(join(tmpdir(), 'fintech-calc-dev-')), name);
  execFileSync('mknod', ['-m', '666', path, 'c', ...NUMBERS[name]]);
  return path;
}
