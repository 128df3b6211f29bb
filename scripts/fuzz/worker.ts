import { main } from "../cli/cli";
import { fuzzBase } from "./cases";
import { runCase, type FromWorker, type ToWorker } from "./runner";

/** A fuzz worker process: builds the base files once, then runs the cases the runner sends, one at a time. */
async function serve(): Promise<void> {
  const base = await fuzzBase();
  const send = (message: FromWorker) => process.send!(message);
  process.on("message", async ({ n, seed, root, input }: ToWorker) => {
    send({ result: await runCase(seed, n, base, main, root, input && { ...input, bytes: Buffer.from(input.bytes) }) });
  });
  process.on("disconnect", () => process.exit(0));
  send({ ready: true });
}

void serve();
