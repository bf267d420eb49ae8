// kernels.wat: its generator is pure-rand's xoroshiro128+, and one step on one
// sample (evaluate, which folds simulate's constants) is the formula.
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand';
import { describe, expect, it } from 'vitest';
import { evaluator, instantiateKernels } from '../../src/engine/kernels.js';

describe('kernels.wat', () => {
  it("draws pure-rand's xoroshiro128+ sequence: 53 bits from two 32-bit outputs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const [kernels, reference] = [instantiateKernels(), xoroshiro128plus(seed)];
        kernels.seed(seed);
        for (let i = 0; i < 200; i++) {
          const [high, low] = [reference.unsafeNext() >>> 5, reference.unsafeNext() >>> 6];
          expect(kernels.nextUnit()).toBe((high * 67108864 + low) / 9007199254740992);
        }
      }),
      { numRuns: 50, seed: 3 },
    );
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
    const evaluate = evaluator(instantiateKernels());
    expect([evaluate('add', 0.1, 0.2), evaluate('sub', 1, 0.9), evaluate('mul', 3, 0.1)]).toEqual([0.1 + 0.2, 1 - 0.9, 3 * 0.1]);
    expect([evaluate('shareOf', 1, 4), evaluate('shareOf', 1, 0), evaluate('growth', 3, 2)]).toEqual([0.25, 0, 0.5]);
    expect(evaluate('growth', 1, 0)).toBeNaN();
    expect(evaluate('cagr', 0, 5, 2)).toBeNaN();
    // Square roots where the periods allow, else cbrt or pow: exact for these
    expect([1, 2, 3, 4, 5].map((periods) => evaluate('cagr', 1, 2 ** periods, periods))).toEqual([1, 1, 1, 1, 1]);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 9 }), (first, last, periods) => {
        const want = Math.pow(last / first, 1 / periods) - 1;
        expect(Math.abs(evaluate('cagr', first, last, periods) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
