// Fails the build when an app's initial JavaScript (gzip) outgrows its budget (with --markdown: reports what each
// app ships instead). "Initial" is what the browser
// loads before the first page can show: the entry scripts and module preloads named in dist/index.html, and
// everything they import statically, transitively.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGETS_KB = { react: 150, vue: 120, svelte: 80 };
const web = join(dirname(fileURLToPath(import.meta.url)), '..');

function staticImports(code) {
  const found = new Set();
  for (const pattern of [/\bimport\s*["']([^"']+\.js)["']/g, /\bfrom\s*["']([^"']+\.js)["']/g]) {
    for (const match of code.matchAll(pattern)) found.add(match[1]);
  }
  return found;
}

function initialScripts(dist, base) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1]);
  const seen = new Set();
  while (queue.length > 0) {
    const address = queue.shift();
    const file = address.startsWith(base) ? address.slice(base.length) : address;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const imported of staticImports(code)) {
      queue.push(posix.join(posix.dirname(file), imported));
    }
  }
  return [...seen];
}

const gzipped = (dist, files) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** What an app ships, gzip: its initial JavaScript (as budgeted), all its JavaScript and its CSS. */
function sizesOf(app) {
  const dist = join(web, app, 'dist');
  const initial = initialScripts(dist, `/${app}/`);
  const assets = readdirSync(join(dist, 'assets')).map((name) => `assets/${name}`);
  const scripts = assets.filter((file) => file.endsWith('.js'));
  return {
    initialFiles: initial.length,
    files: scripts.length,
    initialJs: gzipped(dist, initial),
    allJs: gzipped(dist, scripts),
    css: gzipped(
      dist,
      assets.filter((file) => file.endsWith('.css')),
    ),
  };
}

// --markdown: the sizes as a table for docs/frontends.md (scripts/measure-frontends.sh), no verdict
if (process.argv.includes('--markdown')) {
  console.log('| App | Initial JS, gzip | All JS, gzip | CSS, gzip | JS files (initial / all) |');
  console.log('|---|---:|---:|---:|---|');
  for (const app of Object.keys(BUDGETS_KB)) {
    const size = sizesOf(app);
    console.log(
      `| ${app} | ${kb(size.initialJs)} | ${kb(size.allJs)} | ${kb(size.css)} | ${size.initialFiles} / ${size.files} |`,
    );
  }
  process.exit(0);
}

let failed = false;
for (const [app, budget] of Object.entries(BUDGETS_KB)) {
  const dist = join(web, app, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`${app}: no build in ${dist}`);
    failed = true;
    continue;
  }
  const size = sizesOf(app);
  const within = size.initialJs / 1000 <= budget;
  console.log(
    `${app}: initial JavaScript ${kb(size.initialJs)} gzip in ${size.initialFiles} file(s), ${within ? 'within' : 'OVER'} its budget of ${budget} KB`,
  );
  if (!within) failed = true;
}
process.exit(failed ? 1 : 0);
