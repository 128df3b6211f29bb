// @ts-check
import { builtinModules } from "node:module";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";
import globals from "globals";
import compat from "eslint-plugin-compat";

/**
 * Lint for the whole tree: typescript-eslint's recommended rules everywhere, eslint-plugin-office-addins'
 * recommended rules (load before read, sync before read, isNullObject …) for the Office code in addin/ and
 * functions/, and the import boundaries of the rooms (CONTRIBUTING.md): core/ is pure domain, the add-in and the
 * custom functions run in a browser, and addin/, functions/ and scripts/ meet only in core/.
 * Formatting is prettier's (`npm run format:check`), so eslint-config-prettier turns the style rules off.
 */

/** Node's own modules, with and without `node:`. */
const NODE = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nodePaths = NODE.map((name) => ({ name, message: "Node modules run only in scripts/ (CLI, workbook files, fuzz, bench)." }));
const exceljs = {
  name: "exceljs",
  message: "exceljs builds new workbooks only (scripts/new-workbook/); a user's workbook goes through workbook/.",
};

/** A relative import that climbs into a top-level room: `../addin/x`, `../../scripts/cli/y`. */
const room = (name, message) => ({ regex: `^(\\.\\./)+${name}(/|$)`, message });
const ROOMS = {
  addin: room("addin", "Only core/ is shared: the add-in is not imported outside addin/ (the bench aside)."),
  functions: room("functions", "Only core/ is shared: the custom functions are not imported outside functions/ (the bench aside)."),
  scripts: room("scripts", "scripts/ is Node only (CLI, fuzz, bench): nothing outside it imports it."),
  ui: room("ui", "ui/ is the browser UI of the task pane and the offline page: only addin/ and page/ import it."),
};

/** workbook/ is bytes in, bytes out for the command line and the page: core and its two libraries, nothing else. */
const WORKBOOK_ONLY = {
  regex: "^(?!(\\./|\\.\\./core(/|$)|fflate$|saxes$))",
  message: "workbook/ imports only core/, fflate and saxes: it runs unchanged in Node and in a browser page.",
};

/** page/ is the one-file offline page: core, workbook/ and ui/ only; no Node, no exceljs, no Office. */
const PAGE_ONLY = {
  regex: "^(?!(\\./|\\.\\./(core|workbook|ui)(/|$)))",
  message: "page/ imports only core/, workbook/ and ui/: everything else would have to be inlined into coma.html or does not run there.",
};

/**
 * The browsers commune offices have (CONTRACT.md section 6): Chrome, Edge and Cốc Cốc (Chromium) from 80, Firefox ESR.
 * eslint-plugin-compat checks every web and ECMAScript API the page's code reaches against them.
 */
const PAGE_BROWSERS = ["chrome >= 80", "edge >= 80", "firefox esr"];

/** ui/ is DOM for the pane and the page: core and itself, nothing else (no Office.js, no workbook files, no Node). */
const UI_ONLY = {
  regex: "^(?!(\\./|\\.\\./core(/|$)))",
  message: "ui/ imports only core/: the pane and the page pass it plain data and callbacks.",
};

const restrict = (paths, rooms) => ["error", { paths, patterns: rooms.map((name) => ROOMS[name]) }];

/** Browser and host globals core must not reach: it runs unchanged in Node, the task pane and the functions runtime. */
const HOST_GLOBALS = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "Excel",
  "Office",
  "OfficeRuntime",
  "CustomFunctions",
  "process",
  "Buffer",
  "require",
].map((name) => ({ name, message: "core/ is pure domain: the adapters pass it plain data." }));

/**
 * eslint-plugin-office-addins' recommended config, for the Office code only. It brings its own copy of the
 * typescript-eslint plugin, which flat config refuses to register twice: typescript-eslint's own serves its rules.
 */
const officeRecommended = officeAddins.configs.recommended.map(({ plugins, ...config }) => ({
  ...config,
  ...(plugins && { plugins: Object.fromEntries(Object.entries(plugins).filter(([name]) => name !== "@typescript-eslint")) }),
  files: ["addin/**/*.ts", "functions/**/*.ts"],
}));

export default tseslint.config(
  { ignores: ["build/", "dist/", "node_modules/", "out/", "test-results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...officeRecommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      // Formatting is checked by `npm run format:check`; the lead formats the whole tree once, so lint does not
      // report every unformatted line twice.
      "prettier/prettier": "off",
      // TypeScript checks names and redeclarations itself, knowing the DOM and Office types and that a type and a
      // value may share a name (functions/errors.ts ErrorCode); typescript-eslint advises turning these off.
      "no-undef": "off",
      "no-redeclare": "off",
      // `_`-prefixed names are deliberate (a parameter a signature requires).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    // bin/coma.js and webpack.config.js are CommonJS, as Node and webpack load them.
    rules: { "@typescript-eslint/no-require-imports": "off", "no-redeclare": ["error", { builtinGlobals: false }] },
  },
  { files: ["**/*.mjs"], languageOptions: { globals: { ...globals.node } } },
  {
    // Tests load what only exists at run time (the fuzzer compiled to build/, webpack's config), and zip-utf8.ts
    // wraps an exceljs module its package does not export with types.
    files: ["test/**/*.ts", "scripts/new-workbook/zip-utf8.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // custom-functions-metadata turns the signatures into functions.json and knows `any[][]` (a range of anything),
    // not `unknown[][]`.
    files: ["functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The fuzzer removes the control characters Excel refuses in a sheet name: the regex means them.
    files: ["scripts/fuzz/values.ts"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["test/e2e/excel-standin.js", "addin/taskpane/unsupported-host.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([...nodePaths, exceljs], ["addin", "functions", "scripts", "ui"]),
      "no-restricted-globals": ["error", ...HOST_GLOBALS],
    },
  },
  {
    files: ["workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [...nodePaths, exceljs], patterns: [WORKBOOK_ONLY] }],
      "no-restricted-globals": ["error", ...HOST_GLOBALS],
    },
  },
  {
    files: ["ui/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [...nodePaths, exceljs], patterns: [UI_ONLY] }],
      // the DOM is ui/'s own; the hosts' APIs are not
      "no-restricted-globals": [
        "error",
        ...HOST_GLOBALS.filter(({ name }) => !["window", "document", "navigator", "localStorage"].includes(name)).map((g) => ({
          ...g,
          message: "ui/ has no host API: the pane and the page do the work through its callbacks.",
        })),
      ],
    },
  },
  { files: ["functions/**/*.ts"], rules: { "no-restricted-imports": restrict([...nodePaths, exceljs], ["addin", "scripts", "ui"]) } },
  { files: ["addin/**/*.ts"], rules: { "no-restricted-imports": restrict([...nodePaths, exceljs], ["functions", "scripts"]) } },
  {
    files: ["page/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [...nodePaths, exceljs], patterns: [PAGE_ONLY] }] },
  },
  {
    // Everything the page bundles: its own code and the rooms it imports (ui/ also runs in the pane).
    files: ["page/**/*.{ts,js}", "ui/**/*.ts", "core/**/*.ts", "workbook/**/*.ts"],
    plugins: { compat },
    settings: { browsers: PAGE_BROWSERS, lintAllEsApis: true },
    rules: { "compat/compat": "error" },
  },
  {
    // ES5, run before the page's script: it tells an older browser which one to use.
    files: ["page/old-browser.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { ...globals.browser } },
  },
  // The bench measures every room (the functions, the add-in on the Office mock, the CLI): it alone may import them.
  {
    files: ["scripts/**/*.ts"],
    ignores: ["scripts/bench/**"],
    rules: { "no-restricted-imports": restrict([], ["addin", "functions", "ui"]) },
  },
  prettier,
);
