// Reading a report page in tests: the CLI's page, and its figures as parsed parts.
import { expect } from 'vitest';
import { runCli } from '../cli/in-process.js';

/** The page `report ...args` writes to stdout (it must succeed, saying nothing). */
export async function report(args: readonly string[]): Promise<string> {
  const result = await runCli(['report', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Text of the page as it reads: entities decoded. */
export function unescaped(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

/** Each <figure>: its caption, its SVG's role, title, description and marks, and its table's rows. */
export function figures(html: string) {
  const text = (pattern: RegExp, body: string) => unescaped(pattern.exec(body)?.[1] ?? '');
  return [...html.matchAll(/<figure id="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)].map(([, id, body]) => ({
    id: id!,
    caption: text(/<figcaption>(.*?)<\/figcaption>/, body!),
    svg: /<svg [^>]*role="img"[^>]*aria-labelledby="([^"]+)-title \1-desc"/.test(body!),
    hasSvg: body!.includes('<svg'),
    title: text(/<title id="[^"]+">(.*?)<\/title>/, body!),
    desc: text(/<desc id="[^"]+">(.*?)<\/desc>/, body!),
    /** The unit written above the value axis: the chart's first axis title. */
    unit: text(/<text [^>]*class="axis-title"[^>]*>(.*?)<\/text>/, body!),
    /** The points drawn on lines: one a value. */
    points: [...body!.matchAll(/<circle [^>]*cy="([-\d.]+)"/g)].map(([, cy]) => Number(cy)),
    /** The drawn lines' paths (`d`), each `M…L…` run a stretch without a gap. */
    lines: [...body!.matchAll(/<path d="([^"]*)" class="line"/g)].map(([, d]) => d!),
    rows: [...body!.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map(([, cell]) => unescaped(cell!)),
    ),
  }));
}
