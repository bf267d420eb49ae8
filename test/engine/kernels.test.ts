// kernels.wat: its generator is pure-rand's xoroshiro128+ seeded through
// splitmix64, its draws are uniform and independent from seed to seed, and one
// step on one sample (evaluate, which folds simulate's constants) is the formula.
// Its memory layout comes from layout.ts, and kernels.wasm.ts is its compilation.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand';
import { describe, expect, it } from 'vitest';
import { evaluator, instantiateKernels } from '../../src/engine/simulate/kernels.js';
import { WAT_NAMES } from '../../src/engine/simulate/layout.js';
import { compileWat, fillLayout, kernelsModule, WAT, type WatNames } from '../../scripts/wasm.mjs';

const MASK64 = (1n << 64n) - 1n;

/** splitmix64 (Steele, Lea and Flood; Vigna's reference C), from `seed`: its outputs in order. */
function* splitmix64(seed: bigint): Generator<bigint> {
  let state = seed;
  for (;;) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    yield z ^ (z >> 31n);
  }
}

/** pure-rand's xoroshiro128+ from the state splitmix64 gives the seed (s0, then s1), as its four 32-bit halves. */
function reference(seed: number) {
  const mixer = splitmix64(BigInt(seed));
  const [s0, s1] = [mixer.next().value, mixer.next().value];
  const halves = (s: bigint) => [Number(BigInt.asIntN(32, s >> 32n)), Number(BigInt.asIntN(32, s))];
  return xoroshiro128plus.fromState([...halves(s0), ...halves(s1)]);
}

/** The first `count` draws of each seed. */
function firstDraws(seeds: readonly number[], count: number): number[][] {
  const kernels = instantiateKernels();
  return seeds.map((seed) => {
    kernels.seed(seed);
    return Array.from({ length: count }, () => kernels.nextUnit());
  });
}

describe('kernels.wat', () => {
  it('mixes the seed with splitmix64 (checked against its published first outputs for seed 0)', () => {
    const outputs = splitmix64(0n);
    const three = [outputs.next().value, outputs.next().value, outputs.next().value];
    expect(three).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn]);
  });

  it("draws pure-rand's xoroshiro128+ sequence from the splitmix64-mixed seed: 53 bits from two 32-bit outputs", () => {
    const check = (seed: number) => {
      const [kernels, generator] = [instantiateKernels(), reference(seed)];
      kernels.seed(seed);
      for (let i = 0; i < 200; i++) {
        const [high, low] = [generator.unsafeNext() >>> 5, generator.unsafeNext() >>> 6];
        expect(kernels.nextUnit()).toBe((high * 67108864 + low) / 9007199254740992);
      }
    };
    for (const seed of [0, 1, 2 ** 31 - 1, 2 ** 32, 2 ** 53 - 1]) check(seed);
    fc.assert(fc.property(fc.maxSafeNat(), check), { numRuns: 50, seed: 3 });
  });

  // Seeds are fixed, so these are deterministic: the bounds are the tests' critical values at α = 0.01.
  it('gives uniform first draws over the seeds 0..999 (Kolmogorov–Smirnov)', () => {
    const seeds = Array.from({ length: 1000 }, (_, seed) => seed);
    for (const k of [0, 1]) {
      const draws = firstDraws(seeds, k + 1).map((sample) => sample[k]!).sort((a, b) => a - b);
      const n = draws.length;
      const statistic = Math.max(...draws.map((x, i) => Math.max((i + 1) / n - x, x - i / n)));
      // The asymptotic critical value at α = 0.01: 1.628 / √n (0.0515 for n = 1000).
      expect(statistic).toBeLessThan(1.628 / Math.sqrt(n));
    }
  });

  it('gives nearby seeds independent draws: no correlation of seed s and s+1, and pairs spread evenly', () => {
    const count = 4;
    const draws = firstDraws(Array.from({ length: 1001 }, (_, seed) => seed), count);
    const pairs = (k: number) => draws.slice(0, -1).map((sample, s) => [sample[k]!, draws[s + 1]![k]!] as const);
    for (let k = 0; k < count; k++) {
      const [xs, ys] = [pairs(k).map(([x]) => x), pairs(k).map(([, y]) => y)];
      // Independent pairs: r·√n is about N(0, 1); |r| < 2.576/√n at α = 0.01.
      expect(Math.abs(correlation(xs, ys))).toBeLessThan(2.576 / Math.sqrt(xs.length));
    }
    // The first draws of s and s+1 on a 10×10 grid: χ² with 99 degrees of freedom, below 134.6 at α = 0.01.
    const cells = new Array<number>(100).fill(0);
    for (const [x, y] of pairs(0)) cells[Math.floor(x * 10) * 10 + Math.floor(y * 10)]! += 1;
    const expected = 1000 / 100;
    expect(cells.reduce((chi2, observed) => chi2 + (observed - expected) ** 2 / expected, 0)).toBeLessThan(134.6);
  });

  it('fills a chunk with the same draws as one at a time, sample by sample', () => {
    const kernels = instantiateKernels();
    kernels.seed(42);
    const one = Array.from({ length: 3 * 5 }, () => kernels.nextUnit());
    kernels.seed(42);
    // 5 samples of 3 inputs, input k's vector at 1024 + k·64
    kernels.draw(1024, 3, 5, 64);
    const drawn = new Float64Array(kernels.memory.buffer, 1024, 24);
    for (let i = 0; i < 5; i++) for (let k = 0; k < 3; k++) expect(drawn[k * 8 + i]).toBe(one[i * 3 + k]);
  });

  it('evaluates the formulas of the Calc contract in float64', () => {
    const evaluate = evaluator();
    const got = [evaluate('add', 0.1, 0.2), evaluate('sub', 1, 0.9), evaluate('mul', 3, 0.1)];
    expect(got).toEqual([0.1 + 0.2, 1 - 0.9, 3 * 0.1]);
    expect([evaluate('shareOf', 1, 4), evaluate('shareOf', 1, 0), evaluate('growth', 3, 2)]).toEqual([0.25, 0, 0.5]);
    expect(evaluate('growth', 1, 0)).toBeNaN();
    expect(evaluate('cagr', 0, 5, 2)).toBeNaN();
    // Square roots where the periods allow, else cbrt or pow: exact for these
    expect([1, 2, 3, 4, 5].map((periods) => evaluate('cagr', 1, 2 ** periods, periods))).toEqual([1, 1, 1, 1, 1]);
    const positive = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(positive, positive, fc.integer({ min: 1, max: 9 }), (first, last, periods) => {
        const want = Math.pow(last / first, 1 / periods) - 1;
        const error = Math.abs(evaluate('cagr', first, last, periods) - want);
        expect(error).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((x, i) => {
    const [dx, dy] = [x - mx, ys[i]! - my];
    [sxy, sxx, syy] = [sxy + dx * dy, sxx + dx * dx, syy + dy * dy];
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe('kernels.wasm.ts', () => {
  const wat = readFileSync(WAT, 'utf8');

  it("is kernels.wat's compilation with layout.ts's offsets (else: npm run wasm)", async () => {
    const written = readFileSync(new URL('../../src/engine/simulate/kernels.wasm.ts', import.meta.url), 'utf8');
    expect(written).toBe(kernelsModule(await compileWat(fillLayout(wat, WAT_NAMES))));
  });

  it('takes every offset in kernels.wat from layout.ts, each loaded and stored as its type', () => {
    const refused = (text: string, names: WatNames = WAT_NAMES) => {
      try {
        fillLayout(text, names);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refused(wat)).toBe('');
    const line = (text: string) => wat.slice(0, wat.indexOf(text)).split('\n').length;
    const count = '(i32.load offset={record.count} (local.get $r))';
    const instead = (text: string) => refused(wat.replace(count, text));
    const at = `line ${line(count)}: `;
    const asF64 = instead('(f64.load offset={record.count} (local.get $r))');
    expect(asF64).toContain(`${at}{record.count} is i32, read with f64.load`);
    const message = instead('(i32.load offset=40 (local.get $r))');
    expect(message).toContain(`${at}i32.load offset=40: write the offset as a {struct`);
    expect(instead('(i32.load offset={record.total} (local.get $r))')).toContain('{record.total} is not in layout.ts');
    const spare = { ...WAT_NAMES.structs.outlier, fields: [...WAT_NAMES.structs.outlier.fields, 'spare'] };
    const structs = { ...WAT_NAMES.structs, outlier: spare };
    expect(refused(wat, { ...WAT_NAMES, structs })).toContain('layout.ts: outlier.spare is never used by kernels.wat');
    const opcodes = { ...WAT_NAMES.opcodes, tally: 9 };
    expect(refused(wat, { ...WAT_NAMES, opcodes })).toContain('OPCODES must number 0, 1, 2');
    // Sample vectors are not structs: their offsets may be numbers.
    expect(wat).toContain('(v128.load offset=16 (local.get $v))');
  });

  it('lays out the br_table by OPCODES: each op runs its own code', () => {
    const evaluate = evaluator();
    const ops = ['add', 'sub', 'mul', 'shareOf', 'growth'] as const;
    expect(ops.map((op) => evaluate(op, 6, 3))).toEqual([9, 3, 18, 2, 1]);
    expect(evaluate('cagr', 1, 8, 3)).toBe(1);
    expect(evaluate('uniform', 0.25, 0, [10, 4])).toBe(11);
  });

  it('loads from plain JavaScript: bundled with no plugin, for any platform', async () => {
    const { outputFiles } = await build({
      entryPoints: ['src/engine/simulate/kernels.ts'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      logLevel: 'silent',
    });
    const plain = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0]!.text).toString('base64')}`);
    expect(plain.evaluator()('mul', 0.1, 3)).toBe(0.1 * 3);
  });
});
