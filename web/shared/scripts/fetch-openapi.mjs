// Downloads the services' own OpenAPI documents from a running Airtix (./airtix, or the services started one by
// one) into openapi/, pretty-printed so their diffs read well; then `npm run generate` makes the types.
// Each service answers its description on its management port, from this machine only (README: "What runs where").
// Another host or ports: AIRTIX_OPENAPI_BASE=http://127.0.0.1 AIRTIX_OPENAPI_PORTS=tickets:19081,orders:19082,...
import { writeFile } from 'node:fs/promises';

const base = process.env.AIRTIX_OPENAPI_BASE ?? 'http://127.0.0.1';
const ports = Object.fromEntries(
  (process.env.AIRTIX_OPENAPI_PORTS ?? 'tickets:9081,orders:9082,payments:9084,tenants:9085')
    .split(',')
    .map((entry) => entry.split(':')),
);

let failed = false;
for (const [service, port] of Object.entries(ports)) {
  const url = `${base}:${port}/actuator/openapi`;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const document = await response.json();
    await writeFile(
      new URL(`../openapi/${service}.json`, import.meta.url),
      `${JSON.stringify(document, null, 2)}\n`,
    );
    console.log(`${service}: ${Object.keys(document.paths ?? {}).length} paths from ${url}`);
  } catch (error) {
    failed = true;
    console.error(`${service}: no document from ${url} (${error.message}); is the service running?`);
  }
}
process.exit(failed ? 1 : 0);
