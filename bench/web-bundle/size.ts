/**
 * What the web build makes a browser download, gzipped, from Vite's manifest (run `npm run build:web` first):
 *   - initial: the entry script of index.html and every chunk it imports statically (what the sign-in page
 *     costs, and what every page pays before its own chunk);
 *   - per dashboard: the page's chunk and its static imports beyond the initial ones, and the same with the
 *     lazy ECharts chunk its first chart fetches;
 *   - the map: the deck.gl chunk the executive dashboard fetches when its map card comes near the screen.
 * Exits 1 when the initial JavaScript is over its budget (300 KB gzipped). Sizes, not timings.
 *
 *   npx tsx bench/web-bundle/size.ts [dist/web]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_BUDGET_BYTES = 300 * 1000;

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const webDir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../dist/web'));
const manifest = JSON.parse(readFileSync(path.join(webDir, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

const gzipped = new Map<string, { raw: number; gz: number }>();
function sizeOf(file: string) {
  let size = gzipped.get(file);
  if (!size) {
    const bytes = readFileSync(path.join(webDir, file));
    size = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    gzipped.set(file, size);
  }
  return size;
}

/** A chunk's JS files with everything it imports statically (what loads together with it). */
function closure(key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  if (chunk.file.endsWith('.js')) into.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, into);
  return into;
}

const total = (files: Iterable<string>) =>
  [...files].reduce((s, f) => ({ raw: s.raw + sizeOf(f).raw, gz: s.gz + sizeOf(f).gz }), { raw: 0, gz: 0 });
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const line = (label: string, files: Set<string>) => {
  const t = total(files);
  console.log(
    `${label.padEnd(44)} ${kb(t.gz).padStart(10)} gzipped  ${kb(t.raw).padStart(10)} raw  (${files.size} files)`,
  );
  return t;
};
const keyOf = (pattern: RegExp) => Object.keys(manifest).find((k) => pattern.test(k));

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith('index.html'));
if (!entry) throw new Error(`no index.html entry in ${webDir}/.vite/manifest.json: run npm run build:web`);
const initialFiles = closure(entry);
console.log(`Web bundle in ${path.relative(process.cwd(), webDir) || '.'}:`);
const initial = line('initial JS (index.html entry + static imports)', initialFiles);

const beyondInitial = (files: Set<string>) => new Set([...files].filter((f) => !initialFiles.has(f)));
const echartsKey = keyOf(/EChartCanvas\.tsx$/);
const echarts = echartsKey ? closure(echartsKey) : new Set<string>();
for (const page of ['ExecutiveDashboard', 'ManufacturerDashboard', 'RetailerSpending']) {
  const key = keyOf(new RegExp(`pages/${page}\\.tsx$`));
  if (!key) continue;
  const own = beyondInitial(closure(key));
  line(`  ${page} chunk`, own);
  line(`  ${page} + ECharts (first chart)`, new Set([...own, ...beyondInitial(echarts)]));
}
const mapKey = keyOf(/maps\/DeckMap\.tsx$/);
if (mapKey) {
  const map = beyondInitial(closure(mapKey));
  // luma.gl fetches its WebGL device chunk as soon as deck.gl starts: count it with the map.
  for (const dyn of manifest[mapKey]!.dynamicImports ?? [])
    for (const f of closure(dyn)) if (!initialFiles.has(f)) map.add(f);
  line('  deck.gl map (when the map card is on screen)', map);
}

const verdict = initial.gz <= INITIAL_BUDGET_BYTES ? 'within' : 'OVER';
console.log(`initial JS ${kb(initial.gz)} gzipped: ${verdict} the ${kb(INITIAL_BUDGET_BYTES)} budget`);
if (initial.gz > INITIAL_BUDGET_BYTES) process.exitCode = 1;
