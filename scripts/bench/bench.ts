import * as path from "node:path";
import { verdict, type Figure } from "./measure";
import { bundleSizes, cliProcess, cliSummary, coreNational, functionsThroughput, officeRoundTrips } from "./sections";
import { pageSummary } from "./page";

/**
 * `npm run bench`: the speed and scale figures of issue 6, measured on this machine in one run. Prints one JSON
 * object per line, then a readable table with each budget.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..", "..", "..", "..");
  const figures: Figure[] = [];
  const record = (list: Figure[]) => {
    for (const f of list) {
      console.log(JSON.stringify({ name: f.name, value: f.value, unit: f.unit }));
      figures.push(f);
    }
  };
  record(coreNational());
  record(functionsThroughput());
  record(await cliSummary());
  record(await cliProcess());
  record(await officeRoundTrips());
  record(bundleSizes(root));
  record(await pageSummary(root));
  console.log("");
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) console.log(`${f.name.padEnd(width)}  ${String(f.value).padStart(12)} ${f.unit.padEnd(8)} ${verdict(f)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
