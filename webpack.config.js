/* global require, module, process, __dirname */

const path = require("path");
const zlib = require("zlib");
const { Compilation, WebpackError } = require("webpack");
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
            compilation.errors.push(new WebpackError(`functions.js is ${size} bytes gzipped, over its ${FUNCTIONS_GZIP_BUDGET}-byte budget.`));
          }
        }
      });
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
            options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      page("functions", "./functions/functions.html"),
      page("taskpane", "./addin/taskpane/taskpane.html"),
      page("commands", "./addin/commands/commands.html"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/assets/*.png", to: "assets/[name][ext]" },
          { from: "addin/taskpane/taskpane.css", to: "taskpane.css", noErrorOnMissing: true },
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
