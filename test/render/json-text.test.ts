// renderJson writes the year maps (the bulk of a big forecast) straight to text:
// its output must be JSON.stringify's of the document, byte for byte, for every
// scenario we ship or test with, every case and table, in every unit and language.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/engine/forecast.js';
import { CASES, TABLES } from '../../src/engine/types.js';
import { forecastDocument, renderJson } from '../../src/render/json.js';
import { PLAIN } from '../../src/render/style.js';
import { everyScenario } from '../engine/every-scenario.js';

describe('renderJson', () => {
  it('is JSON.stringify of forecastDocument, byte for byte', async () => {
    const scenarios = await everyScenario();
    expect(scenarios.length).toBeGreaterThan(3);
    for (const [i, { file, scenario }] of scenarios.entries()) {
      const stamp = { version: '1', sha256: 'x' };
      const result = { forecast: forecast(scenario, CASES), file, ...(i % 2 === 0 && { stamp }) };
      const unit = i % 3 === 0 ? '万亿元' : '亿元';
      const options = { unit, lang: i % 2 === 0 ? 'en' : 'zh', tables: TABLES, style: PLAIN } as const;
      const expected = `${JSON.stringify(forecastDocument(result, options))}\n`;
      expect(renderJson([result, result], options), file).toBe(expected.repeat(2));
    }
  });
});
