// SHA-256 of a text, in hex: the stamp's digest of each scenario file. Its own
// module because node:crypto takes ~9 ms to load: the build computes the
// bundled scenarios' digests, and the CLI imports this only for other files.
import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
