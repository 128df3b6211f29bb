/* global require, module, process, __dirname */

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

/** One page per runtime, each with only its own chunk. */
const page = (name, template) => new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name] });

module.exports = async (env) => {
  const base = baseUrl();
  return {
    devtool: "source-map",
    entry: {
      functions: "./functions/functions.ts",
      taskpane: "./addin/taskpane/taskpane.ts",
      commands: "./addin/commands/commands.ts",
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
