import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { has, SOFFICE } from "./tools";

/** The slow checks run only where LibreOffice is installed (always under CI, .ci/run installs it). */
export const hasSoffice = has("libreoffice");

/**
 * The files LibreOffice opens: all are converted to CSV in one headless run (starting LibreOffice costs seconds,
 * converting a small workbook a fraction), with a private profile so that parallel runs do not share one. A file
 * is opened when its CSV is written.
 */
export function openedByLibreOffice(files: readonly string[], workDir: string): Set<string> {
  const input = path.join(workDir, "in");
  const output = path.join(workDir, "out");
  fs.mkdirSync(input, { recursive: true });
  fs.mkdirSync(output, { recursive: true });
  const copies = files.map((file, i) => {
    const copy = path.join(input, `f${String(i).padStart(4, "0")}${path.extname(file)}`);
    fs.copyFileSync(file, copy);
    return copy;
  });
  const profile = `file://${path.join(workDir, "profile")}`;
  const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "csv", "--outdir", output, ...copies];
  const run = spawnSync(SOFFICE ?? "soffice", args, { encoding: "utf8", timeout: 900_000 });
  if (run.error !== undefined) throw run.error;
  const opened = new Set<string>();
  copies.forEach((copy, i) => {
    if (fs.existsSync(path.join(output, `${path.basename(copy, path.extname(copy))}.csv`))) opened.add(files[i]!);
  });
  return opened;
}
