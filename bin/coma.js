#!/usr/bin/env node
"use strict";
// build/cli/cli.js is the command line bundled into one file by scripts/cli/bundle.mjs, which `npm install` runs.
require("../build/cli/cli.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
