#!/usr/bin/env node
// Parse each Turtle file named on the command line with N3.js (streaming, so
// big files fit); print "FILE: N triples", exit 1 on the first error.
"use strict";
const fs = require("fs");
const path = require("path");
const { StreamParser } = require("n3");

function parseFile(file) {
  return new Promise((resolve, reject) => {
    let count = 0;
    const parser = new StreamParser({ format: "text/turtle", baseIRI: "file://" + path.resolve(file) });
    parser.on("data", () => { count += 1; });
    parser.on("error", reject);
    parser.on("end", () => resolve(count));
    fs.createReadStream(file).on("error", reject).pipe(parser);
  });
}

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: parse.js FILE.ttl...");
    process.exit(2);
  }
  for (const file of files) {
    try {
      const n = await parseFile(file);
      console.log(`${file}: ${n} triples`);
    } catch (err) {
      console.error(`${file}: ${err.message}`);
      process.exit(1);
    }
  }
})();
