/* global require, module, process, __dirname */

const { execFileSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { Compilation, WebpackError, sources } = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** The base every URL of the source manifest starts with (the OfficeDev templates' urlDev). */
const DEV_BASE_URL = "https://localhost:3000";
const DEV_PORT = 3000;
const FUNCTIONS_GZIP_BUDGET = 30 * 1024;
/** dist/coma.html, everything inline, gzipped: an e-mail attachment, a USB stick (CONTRACT.md section 6). */
const PAGE_GZIP_BUDGET = 300 * 1024;

/** Where the add-in is served from: ADDIN_BASE_URL at build time, else the dev server. */
function baseUrl() {
  const base = (process.env.ADDIN_BASE_URL || DEV_BASE_URL).replace(/\/+$/, "");
  if (!/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(base)) {
    throw new Error(`ADDIN_BASE_URL must be an https:// address without query or fragment, not "${base}".`);
  }
  return base;
}

async function httpsOptions() {
  // Required here, not at the top: `npm run build` must work where no dev certificate was ever installed.
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/** Fails the build when exceljs (the CLI's workbook library) reaches a bundle, or functions.js outgrows its budget. */
class BundleGuard {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleGuard", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "BundleGuard", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const module of compilation.modules) {
          if (/[\\/]node_modules[\\/]exceljs[\\/]/.test(module.resource || "")) {
            compilation.errors.push(new WebpackError(`exceljs must not reach the add-in, but ${module.resource} was bundled.`));
          }
        }
        const functions = assets["functions.js"];
        if (compiler.options.mode === "production" && functions) {
          const size = zlib.gzipSync(functions.source()).length;
          if (size > FUNCTIONS_GZIP_BUDGET) {
            compilation.errors.push(
              new WebpackError(`functions.js is ${size} bytes gzipped, over its ${FUNCTIONS_GZIP_BUDGET}-byte budget.`),
            );
          }
        }
      });
    });
  }
}

/**
 * Excel passes an error cell (#N/A, #DIV/0!) to a custom function only when functions.json allows it; without the
 * flag, one error anywhere in a range answers that error for the whole range, never the designed per-cell answer.
 * The metadata plugin has no option for it, so its JSON is rewritten here, once the plugin has added it.
 */
class AllowErrorsInMetadata {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AllowErrorsInMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AllowErrorsInMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          const metadata = assets["functions.json"];
          if (!metadata) return;
          const json = { allowErrorForDataTypeAny: true, ...JSON.parse(metadata.source().toString()) };
          compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(json, null, 2)));
        },
      );
    });
  }
}

/**
 * The template as `coma template` writes it (the same code, exceljs, which is far too big for the page), for the page
 * to hand out: the command line is compiled (`npm run prepare`) and run into a scratch folder, where it writes its
 * default file name.
 */
function templateForPage() {
  execFileSync("npm", ["run", "prepare", "--silent"], { cwd: __dirname, stdio: "inherit" });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-page-template-"));
  try {
    execFileSync(process.execPath, [path.join(__dirname, "bin", "coma.js"), "template"], { cwd: folder, stdio: "ignore" });
    const [name] = fs.readdirSync(folder);
    return { name, base64: fs.readFileSync(path.join(folder, name)).toString("base64") };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * dist/coma.html, one file that needs nothing else (page/coma.html): the page's style (ui/ui.css, page/page.css), its ES5 old-browser check, its
 * bundle and its worker's bundle (as text, which the page turns into a Blob worker) and the template, inline. Its
 * policy allows no request at all (default-src 'none', so no connect, image, font or frame), the inline script and
 * style by their hashes (no 'unsafe-inline': nothing injected into the page could run), and workers from blob: only,
 * the one the page makes from its own text (a worker cannot come from a file:// address). page.js and
 * page-worker.js are then dropped from dist/.
 */
class OnePage {
  constructor(template) {
    this.template = template;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("OnePage", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "OnePage", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, (assets) => {
        const source = (name) => String(assets[name].source()).replace(/\n\/\/# sourceMappingURL=.*\s*$/, "");
        const file = (name) => {
          const full = path.join(__dirname, name);
          compilation.fileDependencies.add(full);
          return fs.readFileSync(full, "utf8");
        };
        const inline = {
          "%STYLE%": file("ui/ui.css") + file("page/page.css"),
          "%OLD_BROWSER%": file("page/old-browser.js"),
          "%WORKER%": source("page-worker.js"),
          "%SCRIPT%": source("page.js"),
          "%TEMPLATE%": this.template.base64,
          "%TEMPLATE_NAME%": this.template.name,
        };
        for (const [key, text] of Object.entries(inline)) {
          if (/<\/script|<!--/i.test(text))
            compilation.errors.push(new WebpackError(`${key} cannot be inlined: it holds </script or <!--.`));
        }
        let html = file("page/coma.html").replace(/%[A-Z_]+%/g, (key) => (key === "%CSP%" ? key : inline[key]));
        const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
        const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
        const policy = [
          "default-src 'none'",
          `script-src ${scripts.join(" ")}`,
          `style-src ${styles.join(" ")}`,
          "worker-src blob:",
          "base-uri 'none'",
          "form-action 'none'",
        ].join("; ");
        html = html.replace("%CSP%", policy);
        for (const name of ["page.js", "page.js.map", "page-worker.js", "page-worker.js.map"]) {
          if (assets[name]) compilation.deleteAsset(name);
        }
        // Marked minimized: its scripts are, and webpack's HTML minimizer would change the inline texts after hashing.
        compilation.emitAsset("coma.html", new sources.RawSource(html), { minimized: true });
        const size = zlib.gzipSync(html).length;
        if (compiler.options.mode === "production" && size > PAGE_GZIP_BUDGET) {
          compilation.errors.push(new WebpackError(`coma.html is ${size} bytes gzipped, over its ${PAGE_GZIP_BUDGET}-byte budget.`));
        }
      });
    });
  }
}

/** One page per runtime, each with only its own chunk. */
const page = (name, template) => new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name] });

module.exports = async (env) => {
  const base = baseUrl();
  const template = templateForPage();
  return {
    devtool: "source-map",
    entry: {
      functions: "./functions/functions.ts",
      taskpane: "./addin/taskpane/taskpane.ts",
      commands: "./addin/commands/commands.ts",
      // The offline page and its worker: inlined into dist/coma.html by OnePage, not served as files.
      page: "./page/main.ts",
      "page-worker": "./page/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    // ES2017 everywhere, webpack's own runtime included: the custom functions' JavaScript-only runtime on Windows
    // is no newer, and the pane's hosts (Edge WebView2, Safari, browsers) all read it.
    target: ["web", "es2017"],
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsconfig.json says commonjs for Node; ES modules let webpack drop what a bundle does not use.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", target: "es2017" } },
          },
        },
        {
          // zod ships ES2020 (`?.`, `??`): transpiled too, so that the pane's bundles are ES2017 like the functions'
          test: /\.m?js$/,
          include: /[\\/]node_modules[\\/]zod[\\/]/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", target: "es2017", allowJs: true } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      new AllowErrorsInMetadata(),
      page("functions", "./functions/functions.html"),
      page("taskpane", "./addin/taskpane/taskpane.html"),
      page("commands", "./addin/commands/commands.html"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/assets/*.png", to: "assets/[name][ext]" },
          { from: "addin/taskpane/taskpane.css", to: "taskpane.css", noErrorOnMissing: true },
          // the styles of ui/ (problems list, results, progress), shared with the offline page
          { from: "ui/ui.css", to: "ui.css" },
          // ES5, copied as it is: it must run where the bundle cannot (addin/taskpane/unsupported-host.js)
          { from: "addin/taskpane/unsupported-host.js", to: "unsupported-host.js" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => content.toString().replaceAll(DEV_BASE_URL, base) },
        ],
      }),
      new BundleGuard(),
      new OnePage(template),
    ],
    devServer: env.WEBPACK_SERVE
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: DEV_PORT,
        }
      : undefined,
  };
};
