import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The programs outside Node that some tests drive. A fresh machine has none of them: the tests that need one are
 * skipped there, and the test run ends with one line naming what was skipped and the command that installs the
 * rest (test/support/missing-tools-reporter.ts). Under CI (.ci/run installs everything) nothing is skipped: a
 * missing program fails its tests instead of hiding them.
 */

/** The first executable of `names` on PATH, as `which` finds it. */
export function onPath(...names: string[]): string | null {
  const folders = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of names) {
    for (const folder of folders) {
      const file = path.join(folder, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Chromium wherever it is installed: CHROME_PATH first, then the names Debian, Ubuntu, Fedora and Google give it. */
export const CHROMIUM = process.env.CHROME_PATH || onPath("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
export const SOFFICE = onPath("soffice", "libreoffice");

/** Carlito stands in for Calibri (the width unit of the columns), Liberation Serif for Times New Roman. */
function hasPrintFonts(): boolean {
  const fonts = spawnSync("fc-list", [":", "family"], { encoding: "utf8" });
  return fonts.status === 0 && /Carlito/.test(fonts.stdout) && /Liberation Serif/.test(fonts.stdout);
}

const found = {
  chromium: CHROMIUM !== null,
  libreoffice: SOFFICE !== null,
  poppler: ["pdftotext", "pdftoppm", "pdfinfo"].every((tool) => onPath(tool) !== null),
  xmllint: onPath("xmllint") !== null,
  fonts: hasPrintFonts(),
};
export type Tool = keyof typeof found;

/** Whether the tests that need every one of `tools` run here (always under CI). */
export function has(...tools: Tool[]): boolean {
  return Boolean(process.env.CI) || tools.every((tool) => found[tool]);
}

/** What each tool is needed for, as the skip line names it. */
export const NEEDED_FOR: Record<Tool, string> = {
  chromium: "browser tests (test/e2e)",
  libreoffice: "LibreOffice opening and printing the outputs",
  poppler: "checks on the printed PDF",
  xmllint: "the manifest against Microsoft's schemas",
  fonts: "the printed page widths",
};

/** The one command that installs every tool (Debian and Ubuntu package names, as .ci/run installs them). */
export const INSTALL_COMMAND =
  "sudo apt-get install chromium fontconfig libreoffice-calc-nogui poppler-utils libxml2-utils fonts-liberation fonts-crosextra-carlito";

/** The tools this machine lacks (none under CI, where their tests run and fail). */
export function missingTools(): Tool[] {
  return process.env.CI ? [] : (Object.keys(found) as Tool[]).filter((tool) => !found[tool]);
}

/** Headless Chromium with nothing that reaches out to the network; every browser test launches with this. */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM ?? undefined,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
