import type { Reporter } from "vitest/reporters";
import { INSTALL_COMMAND, missingTools, NEEDED_FOR } from "./tools";

/** After the run's summary, one line: the tests skipped for want of a tool, and the command that installs them all. */
export class MissingToolsReporter implements Reporter {
  onTestRunEnd(): void {
    const missing = missingTools();
    if (missing.length === 0) return;
    const skipped = [...new Set(missing.map((tool) => NEEDED_FOR[tool]))].join(", ");
    process.stdout.write(
      `Skipped, as ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not installed: ${skipped}. To run them: ${INSTALL_COMMAND}\n`,
    );
  }
}
