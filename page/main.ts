import { BASE_YEAR, FINAL_YEAR, type WorkbookRead } from "../core";
import {
  checkLine,
  COLLECT_TEXT,
  coverageLines,
  mountProgress,
  planLines,
  renderProblems,
  replaceContent,
  showLines,
  type MessageLine,
} from "../ui";
import { base64Bytes, download, XLSM_TYPE, XLSX_TYPE } from "./download";
import { printView, type PrintView } from "./print-view";
import type { DateParts, PageReply, PageRequest } from "./protocol";
import { PAGE_TEXT as T } from "./text";

/**
 * The offline page (dist/coma.html): a workbook chosen by button or dropped on the page is read, checked and summarised
 * in a worker made from the page's own inline source (page/worker.ts), and every result is a download or the report
 * printed from the browser; the units' files are collected into it (contract section 7) as `coma collect` does.
 * Nothing is sent anywhere: the page's policy allows no request.
 */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const fileInput = $<HTMLInputElement>("file");
const year = $<HTMLSelectElement>("year");
const date = $<HTMLInputElement>("date");
const stop = $<HTMLButtonElement>("stop");
const downloadSummary = $<HTMLButtonElement>("download-summary");
const print = $<HTMLButtonElement>("print");
const progress = mountProgress($("progress-area"));
const unitInput = $<HTMLInputElement>("collect-files");
const overwrite = $<HTMLInputElement>("collect-overwrite");
const downloadCollected = $<HTMLButtonElement>("collect-download");

let worker: Worker | null = null;
/** The file being worked on; a reply for an older one is dropped. */
let fileName: string | null = null;
let summary: Extract<PageReply, { type: "summary" }> | null = null;
/** The read of the workbook checked last: the summary's coverage lines use it. */
let checked: WorkbookRead | null = null;
/** The report shown, completed before printing. */
let report: PrintView | null = null;
/** What the summary result says, kept to add the download's line under it. */
let summaryLines: MessageLine[] = [];
/** The units' files chosen for the collecting round; collected again when the master or the overwrite choice changes. */
let unitFiles: File[] = [];
let collected: Extract<PageReply, { type: "collected" }> | null = null;
let collectedLines: MessageLine[] = [];

function startWorker(): Worker {
  const source = $("worker-source").textContent ?? "";
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const started = new Worker(url);
  URL.revokeObjectURL(url);
  started.onmessage = (event: MessageEvent<PageReply>) => onReply(event.data);
  started.onerror = (event) => {
    event.preventDefault();
    finish();
    show("file-result", [{ kind: "error", text: T.unexpected(event.message || "worker") }]);
  };
  return started;
}

function ask(request: PageRequest, transfer: Transferable[] = []): void {
  worker ??= startWorker();
  worker.postMessage(request, transfer);
}

function show(id: string, lines: readonly MessageLine[]): void {
  showLines($(id), lines);
}

function busy(on: boolean): void {
  stop.hidden = !on;
  year.disabled = on || fileName === null;
  date.disabled = on;
  downloadSummary.disabled = on || summary === null;
  print.disabled = on || summary === null;
}

function finish(): void {
  progress.done();
  busy(false);
}

async function open(file: File): Promise<void> {
  fileName = file.name;
  summary = null;
  checked = null;
  report = null;
  fillYears(null);
  $("file-name").textContent = T.fileChosen(file.name, file.size);
  for (const id of ["file-result", "check-result", "summary-result"]) show(id, []);
  $("problems").textContent = "";
  $("report").textContent = "";
  $("report-box").hidden = true;
  showCollectMaster();
  busy(true);
  progress.start(T.steps.reading);
  const bytes = await file.arrayBuffer();
  ask({ type: "open", name: file.name, bytes }, [bytes]);
}

function summarise(): void {
  if (fileName === null) return;
  summary = null;
  busy(true);
  progress.start(T.steps.planning);
  ask({ type: "summary", year: year.value === "auto" ? null : Number(year.value), date: dateParts() });
}

function onReply(reply: PageReply): void {
  switch (reply.type) {
    case "progress":
      progress.update(T.steps[reply.step]);
      return;
    case "checked":
      checked = reply.read;
      showCheck(reply.read, reply.sheetOrder, reply.hidden);
      fillYears(reply.defaultYear);
      summarise();
      void collect();
      return;
    case "summary":
      summary = reply;
      finish();
      showSummary(reply);
      return;
    case "collected":
      collected = reply;
      showCollected(reply);
      return;
    case "collect-refused":
      show("collect-result", [{ kind: "error", text: reply.message }]);
      return;
    case "refused":
      // Nothing to summarise or collect into until another file is chosen.
      fileName = null;
      showCollectMaster();
      finish();
      show("file-result", [{ kind: "error", text: reply.message }]);
      return;
    case "failed":
      fileName = null;
      finish();
      show("file-result", [{ kind: "error", text: T.unexpected(reply.reason) }]);
  }
}

function showCheck(read: WorkbookRead, sheetOrder: string[], hidden: string[]): void {
  show("check-result", [checkLine(read)]);
  $("problems").replaceWith(Object.assign(renderProblems(read.problems, { sheetOrder, hidden }).element, { id: "problems" }));
}

function fillYears(defaultYear: number | null): void {
  const chosen = year.value;
  year.textContent = "";
  year.append(new Option(T.yearAuto(defaultYear), "auto"));
  for (let y = BASE_YEAR; y <= FINAL_YEAR; y++) year.append(new Option(String(y), String(y)));
  year.value = Array.from(year.options).some((o) => o.value === chosen) ? chosen : "auto";
}

function showSummary(reply: Extract<PageReply, { type: "summary" }>): void {
  const { model } = reply;
  summaryLines = [
    { kind: "success", text: T.summaryReady(reply.fileName, reply.sheet) },
    { kind: "strong", text: model.headline },
    ...(model.planHeadline === null ? [] : [{ kind: "strong" as const, text: model.planHeadline }]),
    ...(checked ? coverageLines(checked, model.year) : []),
  ];
  show("summary-result", summaryLines);
  report = printView(reply.layout);
  replaceContent($("report"), report.element);
  $("report-box").hidden = false;
}

function showCollectMaster(): void {
  const chosen = unitFiles.length === 0 ? "" : ` ${T.collectFiles(unitFiles.length)}`;
  $("collect-master").textContent = `${T.collectMaster(fileName)}${chosen}`;
  collected = null;
  downloadCollected.disabled = true;
  show("collect-result", []);
}

/** Asks the worker for the round's plan and the collected workbook; the files are read, never changed. */
async function collect(): Promise<void> {
  collected = null;
  downloadCollected.disabled = true;
  if (unitFiles.length === 0 || fileName === null) return;
  show("collect-result", [{ kind: "info", text: COLLECT_TEXT.reading() }]);
  const units = await Promise.all(unitFiles.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
  ask(
    { type: "collect", units, overwrite: overwrite.checked },
    units.map((u) => u.bytes),
  );
}

function showCollected(reply: Extract<PageReply, { type: "collected" }>): void {
  const [counts, ...details] = planLines(reply.plan);
  collectedLines = [
    { kind: "strong", text: counts },
    ...reply.unreadable.map((text) => ({ kind: "error" as const, text })),
    // planLines' order: units and cells to write, then conflicts, units not reported and problems, which ask for a look.
    ...details.map((text, i) => ({
      kind: i < reply.plan.units.length + reply.plan.writes.length ? ("info" as const) : ("warning" as const),
      text,
    })),
    { kind: "success", text: T.collectReady(reply.fileName) },
  ];
  show("collect-result", collectedLines);
  downloadCollected.disabled = false;
}

/** The letterhead date: the one chosen, today by default. */
function dateParts(): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.value);
  const today = new Date();
  return match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
}

function isoDate(parts: DateParts): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function start(): void {
  date.value = isoDate(dateParts());
  fillYears(null);
  busy(false);
  $("choose").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file) void open(file);
  });
  stop.addEventListener("click", () => {
    worker?.terminate();
    worker = null;
    fileName = null;
    summary = null;
    finish();
    showCollectMaster();
    show("file-result", [{ kind: "info", text: T.stopped() }]);
  });
  year.addEventListener("change", summarise);
  date.addEventListener("change", () => {
    if (date.value !== "") summarise();
  });
  downloadSummary.addEventListener("click", () => {
    if (!summary) return;
    download(summary.bytes, summary.fileName, summary.fileName.endsWith(".xlsm") ? XLSM_TYPE : XLSX_TYPE);
    show("summary-result", [...summaryLines, { kind: "info", text: T.downloaded(summary.fileName) }]);
  });
  print.addEventListener("click", () => window.print());
  $("collect-heading").textContent = `4. ${COLLECT_TEXT.heading()}`;
  $("collect-hint").textContent = COLLECT_TEXT.hint();
  $("collect-choose").textContent = `${COLLECT_TEXT.chooseFiles()}…`;
  $("collect-overwrite-label").textContent = COLLECT_TEXT.overwrite();
  showCollectMaster();
  $("collect-choose").addEventListener("click", () => (fileName === null ? fileInput.click() : unitInput.click()));
  unitInput.addEventListener("change", () => {
    unitFiles = Array.from(unitInput.files ?? []);
    unitInput.value = "";
    showCollectMaster();
    void collect();
  });
  overwrite.addEventListener("change", () => void collect());
  downloadCollected.addEventListener("click", () => {
    if (!collected) return;
    download(collected.bytes, collected.fileName, collected.fileName.endsWith(".xlsm") ? XLSM_TYPE : XLSX_TYPE);
    show("collect-result", [...collectedLines, { kind: "info", text: T.downloaded(collected.fileName) }]);
  });
  // Ctrl+P as well as the button: the whole report is built before the browser lays out the printed pages.
  window.addEventListener("beforeprint", () => report?.finish());
  $("download-template").addEventListener("click", () => {
    const template = $("template-bytes");
    const name = template.dataset.fileName ?? "chi-tieu.xlsx";
    download(base64Bytes(template.textContent ?? ""), name, XLSX_TYPE);
    show("template-result", [{ kind: "success", text: T.templateDownloaded(name) }]);
  });
  // A file dropped anywhere on the page; the browser would otherwise open it in place of the page.
  document.addEventListener("dragover", (event) => {
    event.preventDefault();
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    document.body.classList.remove("dragging");
    const file = event.dataTransfer?.files[0];
    if (file) void open(file);
    else show("file-result", [{ kind: "warning", text: T.notAFile() }]);
  });
}

if ($("old-browser").hidden) start();
