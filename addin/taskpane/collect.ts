/* global Excel */
import { planCollect, type CollectPlan, type UnitFileInput } from "../../core";
import { openWorkbook, WorkbookFileError } from "../../workbook";
import { readMaster, writeCells } from "../collect-adapter";
import { COLLECT_TEXT as T, describeRefusal, h, planLines } from "../../ui";

/**
 * The pane's collecting round: the units' files chosen in the pane, the open workbook read in one request, core's
 * collect plan shown (what will be written, what conflicts, what is missing), then its cells written in one request.
 */

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

/** Reads the chosen files and the open workbook (one request) into the plan; files that are no workbook are named. */
export async function previewCollect(
  files: readonly ChosenFile[],
  overwrite: boolean,
): Promise<{ plan: CollectPlan | null; unreadable: string[] }> {
  const units: UnitFileInput[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      units.push({ file: file.name, grids: openWorkbook(file.bytes).grids });
    } catch (error) {
      if (!(error instanceof WorkbookFileError)) throw error;
      unreadable.push(T.unreadable({ file: file.name, code: error.code }));
    }
  }
  const master = await Excel.run((context) => readMaster(context));
  return { plan: planCollect(master, units, { overwrite }), unreadable };
}

/** Writes the plan's cells into the open workbook (one request). */
export function applyCollect(plan: CollectPlan): Promise<void> {
  return Excel.run((context) => writeCells(context, plan.writes));
}

/** Wires the section appended to the pane (taskpane.html, `#collect`). */
export function bindCollect(): void {
  const section = document.getElementById("collect");
  if (!section) return;
  const input = section.querySelector<HTMLInputElement>("#collect-files")!;
  const overwrite = section.querySelector<HTMLInputElement>("#collect-overwrite")!;
  const button = section.querySelector<HTMLButtonElement>("#collect-write")!;
  const output = section.querySelector<HTMLElement>("#collect-result")!;
  section.querySelector("#collect-heading")!.textContent = T.heading();
  section.querySelector("#collect-hint")!.textContent = T.hint();
  section.querySelector("#collect-files-label")!.textContent = T.chooseFiles();
  section.querySelector("#collect-overwrite-label")!.textContent = T.overwrite();
  let plan: CollectPlan | null = null;
  const show = (lines: string[]) => output.replaceChildren(h("ul", {}, ...lines.map((line) => h("li", {}, line))));
  const preview = async () => {
    button.hidden = true;
    plan = null;
    if (!input.files || input.files.length === 0) return;
    show([T.reading()]);
    try {
      const files = await Promise.all(
        Array.from(input.files).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      const result = await previewCollect(files, overwrite.checked);
      plan = result.plan;
      show(plan ? [...result.unreadable, ...planLines(plan)] : [...result.unreadable, T.noTargetSheet()]);
      button.textContent = T.writeButton({ count: plan?.writes.length ?? 0 });
      button.hidden = !plan || plan.writes.length === 0;
    } catch (error) {
      show(describeRefusal(error));
    }
  };
  input.addEventListener("change", () => void preview());
  overwrite.addEventListener("change", () => void preview());
  button.addEventListener("click", () => {
    const chosen = plan;
    if (!chosen) return;
    button.disabled = true;
    show([T.writing()]);
    applyCollect(chosen)
      .then(() => show([T.written({ count: chosen.writes.length })]))
      .catch((error: unknown) => show(describeRefusal(error)))
      .finally(() => {
        button.disabled = false;
        button.hidden = true;
        plan = null;
      });
  });
}
