// Validates every object of the given rendered manifests (multi-document YAML files) against the Kubernetes
// schemas of the kubernetes-models package. Exits 1 on any invalid object, on a kind it has no schema for, or on
// no object at all: a check that validated nothing must not pass.
"use strict";
const fs = require("fs");
const yaml = require("js-yaml");

function modelOf(apiVersion, kind) {
  try {
    const module = require(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind];
  } catch (e) {
    return undefined;
  }
}

let objects = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  for (const object of yaml.loadAll(fs.readFileSync(file, "utf8"))) {
    if (object === null || object === undefined) continue;
    objects++;
    const name = `${file}: ${object.kind} ${object.metadata && object.metadata.name}`;
    const Model = modelOf(object.apiVersion, object.kind);
    if (!Model) {
      failures.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      failures.push(`${name}: ${e.message}`);
    }
  }
}
for (const failure of failures) console.error(failure);
if (objects === 0) console.error("no object to validate");
console.log(`${objects} objects, ${failures.length} invalid`);
process.exit(failures.length === 0 && objects > 0 ? 0 : 1);
