// docs/errors.md, generated from the errors catalogue (test/errors/).
import { visible } from '../../src/render/escape.js';

export interface Example {
  readonly kind: string;
  readonly file: string;
  readonly args: readonly string[];
  /** A scenario example's bytes. */
  readonly input?: Buffer;
  /** A command-line example's description (its # lines). */
  readonly about?: string;
}

const MAX_LINES = 12;
const MAX_WIDTH = 100;

/** The scenario as it reads, or what it is when it cannot be shown. */
function shownInput(input: Buffer): string {
  if (input.includes(0)) return '(a binary file: it holds NUL bytes)';
  const text = input.toString('utf8');
  if (text.includes('\uFFFD')) return '(a file that is not UTF-8)';
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines.length === 0 || lines.every((line) => line.trim() === '')) return '(an empty file)';
  const cut = (line: string) =>
    line.length > MAX_WIDTH ? `${line.slice(0, MAX_WIDTH)}… (${line.length} characters)` : line;
  const shown = lines.slice(0, MAX_LINES).map(cut);
  if (lines.length > MAX_LINES) shown.push(`… (${lines.length - MAX_LINES} more lines)`);
  return shown.join('\n');
}

/** An argument as a shell takes it; one with control characters in bash's $'…' with escapes. */
function quote(arg: string): string {
  if (/^[\w./:=%@,+-]+$/.test(arg)) return arg;
  if (visible(arg) !== arg) return `$'${visible(arg.replace(/\\/g, '\\\\').replace(/'/g, "\\'"))}'`;
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

function section(example: Example & { message: string }): string {
  const title = `## ${example.kind}`;
  const about = example.about ? `\n${example.about}\n` : '';
  const input = example.input
    ? `\n\`${example.file}\`:\n\n\`\`\`yaml\n${shownInput(example.input)}\n\`\`\`\n`
    : '';
  const command = `$ fintech-calc ${example.args.map(quote).join(' ')}`;
  return `${title}\n${about}${input}\n\`\`\`\n${command}\n${example.message}\`\`\`\n`;
}

export function catalogueMarkdown(examples: readonly (Example & { message: string })[]): string {
  const scenarios = examples.filter((example) => example.input);
  const commands = examples.filter((example) => !example.input);
  return `# Errors

<!-- Generated from test/errors/ by \`npm run errors\`: do not edit by hand. -->

Every error fintech-calc reports on bad input, with an example of each and its
exact message. Each exits with code 2 and prints nothing on stdout; a problem in
a file is reported as \`file:line:col: error: path: what is wrong and what is
expected\`, one line per problem, all problems at once.

# Scenario files

${scenarios.map(section).join('\n')}
# Command lines

${commands.map(section).join('\n')}`;
}
