#!/usr/bin/env node
"use strict";
require("../build/scripts/cli/cli.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
