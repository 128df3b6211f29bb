/* global Office, document */
import { BASE_YEAR, FINAL_YEAR, message, yearCoverage, type Cell, type Problem } from "../../core";
import { parseA1 } from "../../core/a1";
import { addTemplate, checkWorkbook, fix, generateSummary, goToCell, mark, unmark, type Checked } from "../actions";
import { errorCode, type CellMark } from "../office-adapter";
import { plainNumber, ui, type UiText } from "../ui-text";
import { h, renderFixConfirm, renderProblems, showLines, showMessages, type MessageKind } from "./render";
import { bindCollect } from "./collect";

/**
 * The COMA task pane: check the target sheets, mark and fix problem cells, write the Ban Thường vụ summary,
 * insert the template. One Excel.run per click (addin/actions.ts); one action at a time.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

interface State {
  busy: boolean;
  /** The latest read of the workbook (Kiểm tra, or the read the summary made). */
  last: Checked | null;
  /** Marks this pane made; null when unknown (then the workbook setting is read). */
  marks: CellMark[] | null;
}

const state: State = { busy: false, last: null, marks: null };

/** Fills every element that names its text with data-text from the UI table. */
function fillTexts(): void {
  for (const element of Array.from(document.querySelectorAll<HTMLElement>("[data-text]"))) {
    element.textContent = ui(element.dataset.text as UiText, {} as never);
  }
  const year = $<HTMLSelectElement>("year");
  year.replaceChildren(h("option", { value: "auto" }, ui("yearAuto", {})));
  for (let y = BASE_YEAR; y <= FINAL_YEAR; y++) year.append(h("option", { value: String(y) }, String(y)));
}

function setBusy(busy: boolean, text = ""): void {
  state.busy = busy;
  document.body.classList.toggle("busy", busy);
  for (const button of actionButtons()) button.disabled = busy;
  $("year").toggleAttribute("disabled", busy);
  $("progress").hidden = !busy;
  $("progress-text").textContent = text;
  if (!busy) $("status-line").replaceChildren(); // "đang làm việc" is over
  updateFooter();
}

/** The footer shows while something runs, or while it has a message (busy, not in Excel). */
function updateFooter(): void {
  $("status").hidden = $("progress").hidden && $("status-line").childElementCount === 0;
}

function footerMessage(kind: MessageKind, text: string): void {
  showMessages($("status-line"), kind, text);
  updateFooter();
}

/** Runs one user action: refuses a second one while the first is in flight (a double click makes ONE sheet). */
async function run(progress: string, output: HTMLElement, task: () => Promise<void>): Promise<void> {
  if (state.busy) {
    footerMessage("info", ui("busy"));
    return;
  }
  $("status-line").replaceChildren();
  output.replaceChildren();
  setBusy(true, progress);
  try {
    await task();
  } catch (error) {
    showMessages(output, "error", describeError(error));
  } finally {
    setBusy(false);
  }
}

function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code === "InvalidOperationInCellEditMode") return ui("cellEditMode");
  return ui("failed", { detail: code ?? (error instanceof Error ? error.message : String(error)) });
}

function progress(text: string): void {
  $("progress-text").textContent = text;
}

// ───────────────────────────── check ─────────────────────────────

function showCheck(checked: Checked): void {
  state.last = checked;
  const { read, snapshot } = checked;
  const errors = read.problems.filter((p) => p.severity === "error").length;
  const warnings = read.problems.length - errors;
  const sheets = read.sheets.length;
  const indicators = read.indicators.length;
  const counts = $("check-summary");
  if (sheets > 0 && read.problems.length === 0) showMessages(counts, "success", ui("checkClean", { sheets, indicators }));
  else showMessages(counts, errors > 0 ? "error" : "info", ui("checkCounts", { errors, warnings, sheets, indicators }));
  $("problems").replaceChildren(
    renderProblems(
      read.problems,
      snapshot.grids.map((g) => g.name),
      snapshot.hidden,
      { select: selectProblem, fix: askFix },
    ),
  );
  const auto = $<HTMLSelectElement>("year").options[0];
  auto.textContent = ui("yearAuto", { year: checked.year });
}

function check(): Promise<void> {
  return run(ui("reading"), $("check-summary"), async () => {
    $("check-status").replaceChildren();
    showCheck(await checkWorkbook());
  });
}

function selectProblem(problem: Problem): void {
  const { sheet, cell } = problem;
  if (!sheet || !cell) return;
  if (state.last?.snapshot.hidden.includes(sheet)) {
    showMessages($("check-status"), "info", ui("sheetHidden", { sheet }));
    return;
  }
  void run("", $("check-status"), async () => {
    try {
      await goToCell(sheet, cell);
    } catch (error) {
      if (errorCode(error) !== "ItemNotFound") throw error;
      showMessages($("check-status"), "error", ui("sheetMissing", { sheet }));
    }
  });
}

// ───────────────────────────── fix ─────────────────────────────

/** The text the check read in a problem's cell. */
function cellText(problem: Problem): Cell {
  const grid = state.last?.snapshot.grids.find((g) => g.name === problem.sheet);
  if (!grid || !problem.cell) return null;
  const { row, column } = parseA1(problem.cell);
  return grid.values[row - (grid.top ?? 0)]?.[column - (grid.left ?? 0)] ?? null;
}

function askFix(problem: Problem, item: HTMLElement): void {
  if (state.busy || !problem.fix || !problem.cell || !problem.sheet) return;
  document.querySelector(".confirm")?.remove();
  const text = cellText(problem);
  const preview = ui("fixPreview", { cell: problem.cell, text: String(text ?? ""), value: plainNumber(problem.fix.value) });
  const confirm = renderFixConfirm(
    preview,
    () => {
      confirm.remove();
      void applyFixClicked(problem, text, item);
    },
    () => confirm.remove(),
  );
  item.after(confirm);
  confirm.querySelector<HTMLButtonElement>("[data-action=apply-fix]")?.focus();
}

function applyFixClicked(problem: Problem, expected: Cell, item: HTMLElement): Promise<void> {
  const { cell, sheet, fix: offer } = problem;
  if (!cell || !sheet || !offer) return Promise.resolve();
  return run(ui("fixing", { cell }), $("check-status"), async () => {
    const outcome = await fix(problem, expected);
    if (outcome === "changed") {
      showMessages($("check-status"), "error", ui("fixChanged", { cell }));
      return;
    }
    if (state.last) {
      state.last.read.problems = state.last.read.problems.filter((p) => p !== problem);
      showCheck(state.last);
    } else {
      item.remove();
    }
    showMessages($("check-status"), "success", ui("fixed", { cell, sheet, value: plainNumber(offer.value) }));
  });
}

// ───────────────────────────── marks ─────────────────────────────

function markClicked(): Promise<void> {
  const problems = state.last?.read.problems.filter((p) => p.sheet && p.cell) ?? [];
  if (problems.length === 0) {
    showMessages($("check-status"), "info", ui("nothingToMark"));
    return Promise.resolve();
  }
  return run(ui("marking"), $("check-status"), async () => {
    state.marks = await mark(problems, state.marks);
    showMessages($("check-status"), "success", ui("marked", { count: state.marks.length }));
  });
}

function unmarkClicked(): Promise<void> {
  return run(ui("unmarking"), $("check-status"), async () => {
    const result = await unmark(state.marks);
    state.marks = [];
    if (result.restored === 0 && result.kept === 0) showMessages($("check-status"), "info", ui("nothingMarked"));
    else
      showMessages(
        $("check-status"),
        "success",
        ui("unmarked", { count: result.restored }),
        ...(result.kept > 0 ? [ui("unmarkKept", { count: result.kept })] : []),
      );
  });
}

// ───────────────────────────── summary ─────────────────────────────

function summarizeClicked(): Promise<void> {
  const choice = $<HTMLSelectElement>("year").value;
  const year = choice === "auto" ? "auto" : Number(choice);
  const output = $("summary-result");
  return run(ui("reading"), output, async () => {
    const outcome = await generateSummary(year, (stage) =>
      progress(stage.stage === "reading" ? ui("reading") : ui("writing", { name: stage.name })),
    );
    showCheck(outcome.checked);
    if (!outcome.ok) {
      showMessages(output, "error", message({ rule: "no-target-sheet", params: {} }));
      return;
    }
    const lines: { kind: MessageKind; text: string }[] = [
      {
        kind: "success",
        text: outcome.replaced ? ui("summaryReplaced", { name: outcome.name }) : ui("summaryDone", { name: outcome.name }),
      },
      { kind: "strong", text: outcome.headline },
      ...(outcome.planHeadline === null ? [] : [{ kind: "strong" as const, text: outcome.planHeadline }]),
      ...coverageLines(outcome.checked, outcome.year),
    ];
    const base = `Tổng hợp BTV ${outcome.year}`;
    if (outcome.name !== base && outcome.checked.snapshot.grids.some((g) => g.name === base))
      lines.push({ kind: "info", text: ui("summaryKept", { taken: base, name: outcome.name }) });
    const errors = outcome.checked.read.problems.filter((p) => p.severity === "error").length;
    const warnings = outcome.checked.read.problems.length - errors;
    if (errors + warnings > 0) lines.push({ kind: "warning", text: ui("summaryProblems", { errors, warnings }) });
    if (outcome.retried) lines.push({ kind: "info", text: ui("summaryRetry") });
    showLines(output, lines);
  });
}

/** The year chosen and how many rows have a value for it; a warning when none has. */
function coverageLines(checked: Checked, year: number): { kind: MessageKind; text: string }[] {
  const coverage = yearCoverage(checked.read.indicators, year);
  const lines: { kind: MessageKind; text: string }[] = [{ kind: "info", text: ui("summaryCoverage", { year, ...coverage }) }];
  if (coverage.withValue === 0 && year > BASE_YEAR) lines.push({ kind: "warning", text: ui("summaryNoValues", { year }) });
  return lines;
}

// ───────────────────────────── template ─────────────────────────────

function templateClicked(): Promise<void> {
  const output = $("template-result");
  return run(ui("inserting"), output, async () => {
    const { names } = await addTemplate();
    showMessages(output, "success", ui("templateDone", { names }));
  });
}

// ───────────────────────────── start ─────────────────────────────

function bind(): void {
  const on = (id: string, handler: () => unknown) => $(id).addEventListener("click", () => void handler());
  on("check", check);
  on("mark", markClicked);
  on("unmark", unmarkClicked);
  on("summarize", summarizeClicked);
  on("insert-template", templateClicked);
  bindCollect();
}

function start(): void {
  if (!$("unsupported-host").hidden) return; // Internet Explorer or the first Edge: unsupported-host.js explains
  fillTexts();
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
