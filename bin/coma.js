#!/usr/bin/env node
"use strict";
const path = require("node:path");
const { loadBundle } = require("./load-bundle");

// build/cli/cli.js is the command line bundled into one file by scripts/cli/bundle.mjs, which `npm install` runs.
loadBundle(path.join(__dirname, "..", "build", "cli", "cli.js"))
  .exports.main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
