/* global Office, document */
import { BASE_YEAR, FINAL_YEAR, message, yearCoverage, type Cell, type Problem } from "../../core";
import { parseA1 } from "../../core/a1";
import {
  checkLine,
  describeRefusal,
  h,
  mountProgress,
  renderProblems,
  showLines,
  showMessages,
  summaryLines,
  type FixOutcome,
  type MessageKind,
  type MessageLine,
  type ProblemList,
} from "../../ui";
import { addTemplate, checkWorkbook, fixAll, generateSummary, goToCell, mark, unmark, type Checked } from "../actions";
import { errorCode, type CellMark } from "../office-adapter";
import { ui, type UiText } from "../ui-text";

/**
 * The COMA task pane: check the target sheets, mark and fix problem cells, write the Ban Thường vụ summary,
 * insert the template. One Excel.run per click (addin/actions.ts); one action at a time. The problems list, the
 * results and the progress are ui/'s, shared with the offline page.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

interface State {
  busy: boolean;
  /** The latest read of the workbook (Kiểm tra, or the read the summary made). */
  last: Checked | null;
  /** The problems list on show. */
  list: ProblemList | null;
  /** Marks this pane made; null when unknown (then the workbook setting is read). */
  marks: CellMark[] | null;
}

const state: State = { busy: false, last: null, list: null, marks: null };
const progress = mountProgress($("progress"));
/** Where the first-run line is remembered as read. */
const SEEN_KEY = "coma.introSeen";

/** Fills every element that names its text with data-text from the UI table. */
function fillTexts(): void {
  for (const element of Array.from(document.querySelectorAll<HTMLElement>("[data-text]"))) {
    element.textContent = ui(element.dataset.text as UiText, {} as never);
  }
  fillYears(null);
}

/** The year list; once the workbook is read, each year says whether it holds figures. */
function fillYears(checked: Checked | null): void {
  const year = $<HTMLSelectElement>("year");
  const chosen = year.value;
  year.replaceChildren(h("option", { value: "auto" }, ui("yearAuto", { year: checked?.year })));
  for (let y = BASE_YEAR; y <= FINAL_YEAR; y++) {
    const label = checked
      ? ui(yearCoverage(checked.read.indicators, y).withValue > 0 ? "yearWithFigures" : "yearWithout", { year: y })
      : String(y);
    year.append(h("option", { value: String(y) }, label));
  }
  if (chosen) year.value = chosen;
}

function setBusy(busy: boolean, text = ""): void {
  state.busy = busy;
  document.body.classList.toggle("busy", busy);
  // aria-disabled, not disabled: the focused button keeps its focus while the pane works
  for (const button of actionButtons()) button.setAttribute("aria-disabled", String(busy));
  $("year").toggleAttribute("disabled", busy);
  $("main").setAttribute("aria-busy", String(busy));
  if (busy) progress.start(text);
  else {
    progress.done();
    $("status-line").replaceChildren(); // "đang làm việc" is over
  }
  updateFooter();
}

/** The footer shows while something runs, or while it has a message (busy, not in Excel); it stays in the page. */
function updateFooter(): void {
  $("status").classList.toggle("idle", progress.element.hidden && $("status-line").childElementCount === 0);
}

function footerMessage(kind: MessageKind, text: string): void {
  showMessages($("status-line"), kind, text);
  updateFooter();
}

/** Lines in a result box, scrolled into view: a result is read where it shows. */
function reveal(output: HTMLElement, lines: readonly MessageLine[]): void {
  showLines(output, lines);
  output.scrollIntoView({ block: "nearest" });
}

const BUSY = Symbol("busy");

/** Runs one task alone: a second one while the first is in flight is refused (a double click makes ONE sheet). */
async function exclusive<T>(label: string, task: () => Promise<T>): Promise<T | typeof BUSY> {
  if (state.busy) {
    footerMessage("info", ui("busy"));
    return BUSY;
  }
  $("status-line").replaceChildren();
  setBusy(true, label);
  try {
    return await task();
  } finally {
    setBusy(false);
    hideIntro();
  }
}

/** Runs one user action; a refusal is said in plain words in the action's own result box. */
async function run(label: string, output: HTMLElement, task: () => Promise<void>, onError: () => void = () => {}): Promise<void> {
  if (!state.busy) output.replaceChildren();
  try {
    await exclusive(label, task);
  } catch (error) {
    onError();
    reveal(
      output,
      describeRefusal(error).map((text, i) => ({ kind: i === 0 ? "error" : "info", text })),
    );
  }
}

// ───────────────────────────── check ─────────────────────────────

function showCheck(checked: Checked, folded = false): void {
  state.last = checked;
  const { read, snapshot } = checked;
  fillYears(checked);
  if (read.sheets.length === 0) {
    clearList();
    showNoTargetSheet($("check-summary"));
    return;
  }
  showLines($("check-summary"), [checkLine(read)]);
  state.list = renderProblems(read.problems, {
    sheetOrder: snapshot.grids.map((g) => g.name),
    hidden: snapshot.hidden,
    folded,
    onSelect: selectProblem,
    fix: { preview: fixPreview, apply: applyFixes },
  });
  $("problems").replaceChildren(state.list.element);
}

function clearList(): void {
  state.list = null;
  $("problems").replaceChildren();
}

/** No target sheet (an empty workbook): say so and point to the template, which the button beside the words reaches. */
function showNoTargetSheet(output: HTMLElement): void {
  const go = h("button", { type: "button", class: "button small", "data-action": "go-template" }, ui("insertTemplate"));
  go.addEventListener("click", () => {
    const target = $("insert-template");
    target.scrollIntoView({ block: "nearest" });
    target.focus();
  });
  output.replaceChildren(
    h("p", { class: "message-line error" }, message({ rule: "no-target-sheet", params: {} })),
    h("p", { class: "message-line info" }, ui("emptyWorkbook")),
    h("p", { class: "actions" }, go),
  );
  output.scrollIntoView({ block: "nearest" });
}

function check(): Promise<void> {
  const output = $("check-summary");
  return run(
    ui("reading"),
    output,
    async () => {
      $("check-status").replaceChildren();
      showCheck(await checkWorkbook());
      output.scrollIntoView({ block: "nearest" });
    },
    () => {
      // a failed check leaves no stale list under its error
      state.last = null;
      clearList();
    },
  );
}

/** A click on a problem: Excel selects its cell; what stops it is said in the row clicked (ui/problems.ts). */
async function selectProblem(problem: Problem): Promise<MessageLine[]> {
  const { sheet, cell } = problem;
  if (!sheet || !cell) return [];
  if (state.last?.snapshot.hidden.includes(sheet)) return [{ kind: "info", text: ui("sheetHidden", { sheet }) }];
  try {
    await exclusive("", () => goToCell(sheet, cell)); // when busy, the footer says so
    return [];
  } catch (error) {
    if (errorCode(error) !== "ItemNotFound") throw error;
    return [{ kind: "error", text: ui("sheetMissing", { sheet }) }];
  }
}

// ───────────────────────────── fix ─────────────────────────────

/** The text the check read in a problem's cell. */
function cellText(problem: Problem): Cell {
  const grid = state.last?.snapshot.grids.find((g) => g.name === problem.sheet);
  if (!grid || !problem.cell) return null;
  const { row, column } = parseA1(problem.cell);
  return grid.values[row - (grid.top ?? 0)]?.[column - (grid.left ?? 0)] ?? null;
}

function fixPreview(problem: Problem): string {
  return ui("fixPreview", { cell: problem.cell!, text: String(cellText(problem) ?? ""), value: problem.fix!.value });
}

/** "Ghi số" of one row or of "Sửa tất cả": one read and one write request whatever the count. */
async function applyFixes(problems: readonly Problem[]): Promise<FixOutcome> {
  const label = problems.length === 1 ? ui("fixing", { cell: problems[0].cell! }) : ui("fixingAll", { count: problems.length });
  const outcomes = await exclusive(label, () => fixAll(problems.map((problem) => ({ problem, expected: cellText(problem) }))));
  if (outcomes === BUSY) return { fixed: [], lines: [{ kind: "info", text: ui("busy") }] };
  const fixed = problems.filter((_, i) => outcomes[i] === "fixed");
  const changed = problems.filter((_, i) => outcomes[i] === "changed");
  if (state.last) {
    const gone = new Set(fixed);
    state.last.read.problems = state.last.read.problems.filter((p) => !gone.has(p));
    showLines($("check-summary"), [checkLine(state.last.read)]);
  }
  const lines: MessageLine[] = [];
  if (problems.length === 1) {
    const [p] = problems;
    if (fixed.length === 1) lines.push({ kind: "success", text: ui("fixed", { cell: p.cell!, sheet: p.sheet!, value: p.fix!.value }) });
    else lines.push({ kind: "error", text: ui("fixChanged", { cell: p.cell! }) });
    return { fixed, lines };
  }
  if (fixed.length > 0) lines.push({ kind: "success", text: ui("fixedAll", { count: fixed.length }) });
  if (changed.length > 0)
    lines.push({ kind: "error", text: ui("fixAllChanged", { count: changed.length, cells: changed.map((p) => p.cell).join(", ") }) });
  return { fixed, lines };
}

// ───────────────────────────── marks ─────────────────────────────

function markClicked(): Promise<void> {
  const output = $("check-status");
  const problems = state.last?.read.problems.filter((p) => p.sheet && p.cell) ?? [];
  if (problems.length === 0) {
    reveal(output, [{ kind: "info", text: ui("nothingToMark") }]);
    return Promise.resolve();
  }
  return run(ui("marking"), output, async () => {
    state.marks = await mark(problems, state.marks);
    reveal(output, [{ kind: "success", text: ui("marked", { count: state.marks.length }) }]);
  });
}

function unmarkClicked(): Promise<void> {
  const output = $("check-status");
  return run(ui("unmarking"), output, async () => {
    const result = await unmark(state.marks);
    state.marks = [];
    if (result.restored === 0 && result.kept === 0) reveal(output, [{ kind: "info", text: ui("nothingMarked") }]);
    else
      reveal(output, [
        { kind: "success", text: ui("unmarked", { count: result.restored }) },
        ...(result.kept > 0 ? [{ kind: "info" as const, text: ui("unmarkKept", { count: result.kept }) }] : []),
      ]);
  });
}

// ───────────────────────────── summary ─────────────────────────────

function chosenYear(): number | "auto" {
  const choice = $<HTMLSelectElement>("year").value;
  return choice === "auto" ? "auto" : Number(choice);
}

function summarizeClicked(allowEmptyYear = false): Promise<void> {
  const year = chosenYear();
  const output = $("summary-result");
  $("summary-confirm").replaceChildren();
  return run(ui("reading"), output, async () => {
    const outcome = await generateSummary(
      year,
      (stage) => progress.update(stage.stage === "reading" ? ui("reading") : ui("writing", { name: stage.name })),
      new Date(),
      { allowEmptyYear },
    );
    // the list folds under its headings: the eye stays on the summary's result
    if (outcome.checked.read.sheets.length > 0) showCheck(outcome.checked, true);
    else fillYears(outcome.checked);
    if (!outcome.ok && outcome.reason === "no-target-sheet") {
      clearList();
      $("check-summary").replaceChildren();
      showNoTargetSheet(output);
      return;
    }
    if (!outcome.ok) {
      askEmptyYear(outcome.year);
      return;
    }
    reveal(
      output,
      summaryLines({
        ...outcome,
        replaced: outcome.replaced !== null,
        read: outcome.checked.read,
        sheetNames: outcome.checked.snapshot.grids.map((g) => g.name),
      }),
    );
  });
}

/** A year without a single figure: ask before writing a sheet of "Thiếu số liệu". */
function askEmptyYear(year: number): void {
  const holder = $("summary-confirm");
  const write = h("button", { type: "button", class: "button primary small", "data-action": "write-empty" }, ui("writeAnyway"));
  const cancel = h("button", { type: "button", class: "button small", "data-action": "cancel-empty" }, ui("cancel"));
  const box = h(
    "div",
    { class: "confirm", role: "alertdialog", "aria-labelledby": "empty-year-text" },
    h("p", { class: "confirm-text", id: "empty-year-text" }, ui("emptyYearAsk", { year })),
    h("div", { class: "actions" }, write, cancel),
  );
  const close = () => {
    holder.replaceChildren();
    $("summarize").focus();
  };
  write.addEventListener("click", () => {
    holder.replaceChildren();
    $("summarize").focus();
    void summarizeClicked(true);
  });
  cancel.addEventListener("click", close);
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  holder.replaceChildren(box);
  box.scrollIntoView({ block: "nearest" });
  write.focus();
}

// ───────────────────────────── template ─────────────────────────────

function templateClicked(): Promise<void> {
  const output = $("template-result");
  return run(ui("inserting"), output, async () => {
    const { names } = await addTemplate();
    reveal(output, [{ kind: "success", text: ui("templateDone", { names }) }]);
  });
}

// ───────────────────────────── start ─────────────────────────────

function hideIntro(): void {
  $("first-run").hidden = true;
  try {
    localStorage.setItem(SEEN_KEY, "1");
  } catch {
    // storage refused (private mode, policies): the line shows again next time, no more
  }
}

function showIntro(): void {
  let seen = false;
  try {
    seen = localStorage.getItem(SEEN_KEY) === "1";
  } catch {
    seen = false;
  }
  $("first-run").hidden = seen;
}

function bind(): void {
  // a click while busy reaches the handler, which says "đang làm việc" (exclusive)
  const on = (id: string, handler: () => unknown) => $(id).addEventListener("click", () => void handler());
  on("check", check);
  on("mark", markClicked);
  on("unmark", unmarkClicked);
  on("summarize", () => summarizeClicked());
  on("insert-template", templateClicked);
}

function start(): void {
  if (!$("unsupported-host").hidden) return; // Internet Explorer or the first Edge: unsupported-host.js explains
  fillTexts();
  showIntro();
  setBusy(true, ui("loading"));
  if (typeof Office === "undefined") {
    setBusy(false);
    setButtonsEnabled(false);
    footerMessage("error", ui("notInExcel"));
    return;
  }
  void Office.onReady((info) => {
    setBusy(false);
    if (info.host !== Office.HostType.Excel) {
      setButtonsEnabled(false);
      footerMessage("error", ui("notInExcel"));
      return;
    }
    bind();
  });
}

function actionButtons(): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>("button[data-action-button]"));
}

function setButtonsEnabled(enabled: boolean): void {
  for (const button of actionButtons()) button.disabled = !enabled;
}

start();
