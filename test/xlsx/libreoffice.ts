// Recalculates workbooks in LibreOffice (headless, Debian's libreoffice-calc-nogui):
// each file is opened with "recalculate always" set for Excel files, so no
// cached value of ours survives, and saved again as .xlsx with the values
// LibreOffice computed. One soffice run for all the files (it starts slowly).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's settings: recalculate every formula on load (0 = always), Excel and ODF files alike. */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function soffice(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (found === '') {
    throw new Error('LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui (.ci/run does)');
  }
  return found;
}

/** Each workbook (by name, e.g. `baseline.xlsx`) recalculated by LibreOffice and saved as .xlsx. */
export function recalculate(workbooks: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-recalc-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
    const [input, output] = [join(dir, 'in'), join(dir, 'out')];
    mkdirSync(input);
    const files = [...workbooks].map(([name, bytes]) => {
      writeFileSync(join(input, name), bytes);
      return join(input, name);
    });
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      output,
      ...files,
    ];
    const run = spawnSync(soffice(), args, {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (run.status !== 0) throw new Error(`soffice failed (${run.status ?? run.signal}): ${run.stderr}`);
    return new Map(files.map((file) => [basename(file), new Uint8Array(readFileSync(join(output, basename(file))))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
