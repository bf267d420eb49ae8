// How the CLI starts (bin/fintech-calc.js) and writes its output: the choice of
// compile cache and V8 flags for each Node, the code caches the build writes,
// and that every fast path degrades silently.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stdoutWriter, writesThroughStream, type Io } from '../../src/cli/io.js';
import { COMMAND_NAMES } from '../../src/cli/main.js';
import { chunksAndModules, chunksRead } from './chunks.js';
import { PACKAGE_ROOT as ROOT } from './in-process.js';

interface Plan {
  compile: 'node-compile-cache' | 'v8-code-cache' | 'require';
  v8Flags: string[];
}
const bin = createRequire(import.meta.url)('../../bin/fintech-calc.js') as {
  startupPlan(nodeVersion: string): Plan;
  codeCacheFile(argv: readonly string[]): string;
  loadCli(plan: Plan, argv: readonly string[]): { run(argv: readonly string[], io: Io): Promise<number> };
};

describe('startupPlan', () => {
  it("uses Node's own compile cache from Node 22.1 on, and sets no V8 flag there", () => {
    for (const version of ['22.1.0', '22.12.0', '23.0.0', '24.3.0', '30.0.0']) {
      expect(bin.startupPlan(version), version).toEqual({ compile: 'node-compile-cache', v8Flags: [] });
    }
  });

  it('uses the V8 code cache of the build and the measured V8 flag on Node 20 only', () => {
    for (const version of ['20.0.0', '20.20.2']) {
      const plan = { compile: 'v8-code-cache', v8Flags: ['--interrupt-budget=270336'] };
      expect(bin.startupPlan(version), version).toEqual(plan);
    }
  });

  it('requires the bundle plainly on a Node with neither (21, 22.0), without flags', () => {
    for (const version of ['21.7.3', '22.0.0', '19.9.0']) {
      expect(bin.startupPlan(version), version).toEqual({ compile: 'require', v8Flags: [] });
    }
  });
});

describe('codeCacheFile', () => {
  it("is the command's cache, and help's for options and anything that is not a word", () => {
    const cache = (name: string) => join(ROOT, 'dist', 'cache', `${name}.cache`);
    expect(bin.codeCacheFile(['forecast', 'my.yaml'])).toBe(cache('forecast'));
    expect(bin.codeCacheFile(['validate'])).toBe(cache('validate'));
    for (const argv of [[], ['--help'], ['-V'], ['../../etc/passwd'], ['Forecast'], ['']]) {
      expect(bin.codeCacheFile(argv), argv.join(' ')).toBe(cache('help'));
    }
  });
});

describe('the code caches of the build', () => {
  const commands = [...COMMAND_NAMES, 'help'];

  it("are each a command's, help's or a chunk's, whose name no command word finds", () => {
    if (!existsSync(join(ROOT, 'dist', 'cache'))) return;
    for (const file of readdirSync(join(ROOT, 'dist', 'cache'))) {
      const name = file.replace(/\.cache$/, '');
      expect(commands.includes(name) || /^chunk-[a-z]+$/.test(name), file).toBe(true);
    }
    expect(readdirSync(join(ROOT, 'dist', 'cache'))).toContain('chunk-yaml.cache');
  });

  it('are accepted by V8 for every command (Node 20), or not written (later Nodes keep their own)', async () => {
    if (bin.startupPlan(process.versions.node).compile !== 'v8-code-cache') {
      expect(existsSync(join(ROOT, 'dist', 'cache'))).toBe(false);
      return;
    }
    // One process each: V8 would reuse a script compiled before in the same process.
    const rejected = (command: string) =>
      promisify(execFile)(process.execPath, [
        '-e',
        `const bin = require(${JSON.stringify(join(ROOT, 'bin', 'fintech-calc.js'))});
         bin.setV8Flags(bin.startupPlan(process.versions.node));
         const { script } = bin.compileWithCodeCache(bin.codeCacheFile([${JSON.stringify(command)}]));
         process.stdout.write(String(script.cachedDataRejected));`,
      ]).then(({ stdout }) => [command, stdout]);
    const results = await Promise.all(commands.map(rejected));
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(commands.map((command) => [command, 'false'])));
  });
});

describe('the YAML parser', () => {
  it('is read only for a scenario given as a file or a --set: the bundled scenarios are precompiled', () => {
    for (const args of [['forecast'], ['diff', 'baseline', 'bank-led'], ['check'], ['list'], ['--help']]) {
      expect(chunksRead(args), args.join(' ')).toEqual([]);
    }
    expect(chunksRead(['forecast', 'scenarios/baseline.yaml'])).toEqual(['yaml']);
    // Nor node:crypto: the stamp's hashes of the bundled files are precompiled too.
    expect(chunksAndModules(['forecast', '-f', 'json']).modules).not.toContain('crypto');
    expect(chunksRead(['forecast', '--set', 'supplyChain.marketSpace.2023=13万亿'])).toEqual(['yaml']);
  });

  it('has a code cache of its own (Node 20), which V8 accepts', async () => {
    if (bin.startupPlan(process.versions.node).compile !== 'v8-code-cache') return;
    const { stdout } = await promisify(execFile)(process.execPath, [
      '-e',
      `const bin = require(${JSON.stringify(join(ROOT, 'bin', 'fintech-calc.js'))});
       bin.setV8Flags(bin.startupPlan(process.versions.node));
       const { exports, scripts } = bin.compileWithCodeCache(bin.codeCacheFile(['validate']));
       const io = { env: {}, stdout() {}, stderr() {}, stdoutIsTerminal: false, packageRoot: ${JSON.stringify(ROOT)} };
       exports.run(['validate', 'scenarios/baseline.yaml'], io).then((code) =>
         process.stdout.write(JSON.stringify([code, scripts.get('yaml').script.cachedDataRejected])));`,
    ], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual([0, false]);
  });
});

describe('start-up degrades silently', () => {
  /** A copy of the built package, to spoil. */
  const packageCopy = () => {
    const root = mkdtempSync(join(tmpdir(), 'fintech-calc-startup-'));
    for (const part of ['bin', 'dist', 'scenarios', 'package.json']) {
      cpSync(join(ROOT, part), join(root, part), { recursive: true });
    }
    return root;
  };
  const run = (root: string, args: string[]) =>
    spawnSync(process.execPath, [join(root, 'bin', 'fintech-calc.js'), ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C' },
    });

  it('a code cache that V8 rejects, or none, only costs time: the same output, nothing on stderr', () => {
    const root = packageCopy();
    try {
      const expected = run(root, ['forecast']);
      expect(expected.status).toBe(0);
      const cache = join(root, 'dist', 'cache', 'forecast.cache');
      if (existsSync(cache)) writeFileSync(cache, 'not a code cache');
      expect(run(root, ['forecast'])).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
      rmSync(join(root, 'dist', 'cache'), { recursive: true, force: true });
      expect(run(root, ['forecast'])).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a plan for a Node without module.enableCompileCache (or a plain require) still loads the CLI', async () => {
    const outputs: string[] = [];
    const io: Io = {
      env: {},
      stdout: (text) => outputs.push(String(text)),
      stderr: (text) => outputs.push(text),
      stdoutIsTerminal: false,
      packageRoot: ROOT,
    };
    for (const compile of ['node-compile-cache', 'require'] as const) {
      const cli = bin.loadCli({ compile, v8Flags: [] }, ['list']);
      expect(await cli.run(['list', '-f', 'json'], io)).toBe(0);
      // A file by path: the YAML parser's chunk, through Node's require.
      expect(await cli.run(['validate', join(ROOT, 'scenarios', 'kpis.yaml'), '-f', 'json'], io)).toBe(0);
    }
    expect(outputs).toHaveLength(4);
    expect(outputs[0]).toBe(outputs[2]);
    expect(outputs[1]).toBe(outputs[3]);
    expect(JSON.parse(outputs[0]!)).toContainEqual(expect.objectContaining({ name: 'baseline' }));
    expect(JSON.parse(outputs[1]!)).toMatchObject({ valid: true, files: [{ problems: [] }] });
  });
});

describe('standard output', () => {
  it('is written through Node’s stream only on a Windows console (raw UTF-8 garbles there)', () => {
    expect(writesThroughStream('win32', true)).toBe(true);
    expect(writesThroughStream('win32', false)).toBe(false); // a pipe or a file takes the bytes as they are
    for (const platform of ['linux', 'darwin', 'freebsd'] as const) {
      expect(writesThroughStream(platform, true)).toBe(false);
      expect(writesThroughStream(platform, false)).toBe(false);
    }
  });

  it('on a Windows console, hands the text to the stream', () => {
    const written: string[] = [];
    const stream = { write: (text: string) => written.push(text) > 0, on: () => stream };
    const write = stdoutWriter(true, 'win32', () => stream as never);
    write('支付 ');
    write('42.5亿\n');
    expect(written).toEqual(['支付 ', '42.5亿\n']);
  });

  it('elsewhere, does not create the stream at all', () => {
    const write = stdoutWriter(true, 'linux', () => {
      throw new Error('process.stdout was created');
    });
    expect(typeof write).toBe('function');
  });
});
