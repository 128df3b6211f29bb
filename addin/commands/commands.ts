/* global Office, window, document */
import { message } from "../../core";
import { generateSummary } from "../actions";
import { errorCode } from "../office-adapter";
import { ui } from "../ui-text";
import { describeRefusal, h } from "../../ui";

/**
 * The ribbon button "Tổng hợp BTV" (manifest: ExecuteFunction `generateSummary`): writes the summary for the
 * default year (the latest year with data) without opening the pane. Excel has no notification bar for
 * add-ins, so success shows as the new sheet, activated; when the data has problems, or nothing could be
 * written, a small dialog (this same page with `?notice=…`) says so. The dialog's address carries only a
 * reason code and numbers, never workbook text. `event.completed()` always runs, in `finally`.
 */

/** What the notice dialog shows: a code and numbers only. */
export type Notice =
  | { notice: "done-problems"; year: number; copy: number; count: number }
  | { notice: "no-target-sheet" }
  | { notice: "edit-mode" }
  | { notice: "failed"; code: string };

let running = false;

export async function onGenerateSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    if (running) return; // one summary at a time: a second click while the first runs does nothing
    running = true;
    const notice = await summarize();
    if (notice) await showNotice(notice);
  } finally {
    running = false;
    event.completed();
  }
}

async function summarize(): Promise<Notice | null> {
  try {
    const outcome = await generateSummary("auto");
    if (!outcome.ok) return { notice: "no-target-sheet" };
    const count = outcome.checked.read.problems.length;
    if (count === 0) return null;
    const copy = Number(/\((\d+)\)$/.exec(outcome.name)?.[1] ?? 1);
    return { notice: "done-problems", year: outcome.year, copy, count };
  } catch (error) {
    const code = errorCode(error);
    if (code === "InvalidOperationInCellEditMode") return { notice: "edit-mode" };
    return { notice: "failed", code: code ?? "Error" };
  }
}

export function noticeUrl(page: string, notice: Notice): string {
  const url = new URL(page);
  url.search = new URLSearchParams(Object.entries(notice).map(([k, v]) => [k, String(v)])).toString();
  url.hash = "";
  return url.toString();
}

/** Opens the notice dialog and waits until the user closes it (or four minutes pass). */
function showNotice(notice: Notice): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 4 * 60_000);
    Office.context.ui.displayDialogAsync(
      noticeUrl(window.location.href, notice),
      { height: 30, width: 35, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          done();
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          done();
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      },
    );
  });
}

/** The lines a notice shows, from its code and numbers. */
export function noticeLines(params: URLSearchParams): string[] {
  switch (params.get("notice")) {
    case "done-problems": {
      const year = Number(params.get("year"));
      const copy = Number(params.get("copy"));
      const name = `Tổng hợp BTV ${year}${copy > 1 ? ` (${copy})` : ""}`;
      return [ui("ribbonDone", { name }), ui("ribbonProblems", { count: Number(params.get("count")) })];
    }
    case "no-target-sheet":
      return [message({ rule: "no-target-sheet", params: {} })];
    case "edit-mode":
      return [ui("cellEditMode")];
    default:
      // Only the code crosses into the dialog's address; its plain Vietnamese wording is ui/'s, as in the pane.
      return describeRefusal({ code: params.get("code") ?? "" });
  }
}

function renderNotice(params: URLSearchParams): void {
  const close = h("button", { type: "button", class: "button primary" }, ui("close"));
  close.addEventListener("click", () => {
    if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent("close");
    else window.close();
  });
  document.body.replaceChildren(
    h(
      "main",
      { class: "notice" },
      h("h1", {}, ui("dialogTitle")),
      ...noticeLines(params).map((line) => h("p", {}, line)),
      h("div", { class: "actions" }, close),
    ),
  );
  close.focus();
}

if (typeof window !== "undefined" && new URLSearchParams(window.location.search).has("notice")) {
  renderNotice(new URLSearchParams(window.location.search));
  void Office.onReady();
} else {
  // The id is the manifest's ExecuteFunction <FunctionName>, written out so that the manifest test finds it.
  // Hosts from before Office.actions look the function up by that name on the global object.
  void Office.onReady(() => {
    if (Office.actions?.associate) Office.actions.associate("generateSummary", onGenerateSummary);
    else (globalThis as unknown as Record<string, unknown>).generateSummary = onGenerateSummary;
  });
}
