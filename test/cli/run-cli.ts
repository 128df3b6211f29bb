import { vi } from "vitest";
import { main } from "../../scripts/cli/cli";

/** Runs `coma …` in this process with a fixed letterhead date; answers its exit status and what it printed. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (lines: string[]) => ((chunk: unknown) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(sink(out)),
    vi.spyOn(process.stderr, "write").mockImplementation(sink(err)),
  ];
  const today = process.env.COMA_TODAY;
  process.env.COMA_TODAY = "2027-12-15";
  try {
    return { code: await main(argv), stdout: out.join(""), stderr: err.join("") };
  } finally {
    for (const spy of spies) spy.mockRestore();
    if (today === undefined) delete process.env.COMA_TODAY;
    else process.env.COMA_TODAY = today;
  }
}
