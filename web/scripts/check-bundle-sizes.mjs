// Fails the build when an app's initial JavaScript (gzip) outgrows its budget. "Initial" is what the browser
// loads before the first page can show: the entry scripts and module preloads named in dist/index.html, and
// everything they import statically, transitively.
import { readFileSync, existsSync } from 'node:fs';
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

let failed = false;
for (const [app, budget] of Object.entries(BUDGETS_KB)) {
  const dist = join(web, app, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`${app}: no build in ${dist}`);
    failed = true;
    continue;
  }
  const files = initialScripts(dist, `/${app}/`);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  const kb = bytes / 1000;
  const verdict = kb <= budget ? 'within' : 'OVER';
  console.log(
    `${app}: initial JavaScript ${kb.toFixed(1)} KB gzip in ${files.length} file(s), ${verdict} its budget of ${budget} KB`,
  );
  if (kb > budget) failed = true;
}
process.exit(failed ? 1 : 0);
