import type { Problem, Severity } from "../../core";
import { ui } from "../ui-text";

/**
 * DOM building for the pane. Every piece of text, above all what comes from the workbook (sheet names, cell
 * text, messages quoting cells), goes in through textContent: never innerHTML.
 */

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

export interface ProblemHandlers {
  select: (problem: Problem) => void;
  fix: (problem: Problem, item: HTMLElement) => void;
}

/** How many problems of one sheet and severity are shown before "Hiện thêm". */
export const PAGE = 200;

const SEVERITIES: Severity[] = ["error", "warning"];

/**
 * Problems grouped by sheet (workbook order, general problems first), then by severity (errors first); each
 * with its cell is a button that selects the cell, and a text number has its "Sửa" button.
 */
export function renderProblems(
  problems: readonly Problem[],
  sheetOrder: readonly string[],
  hidden: readonly string[],
  handlers: ProblemHandlers,
): HTMLElement {
  const root = h("div", { class: "problem-groups" });
  const groups = new Map<string | null, Problem[]>();
  const order = [null, ...sheetOrder, ...problems.map((p) => p.sheet)];
  for (const sheet of order) if (!groups.has(sheet) && problems.some((p) => p.sheet === sheet)) groups.set(sheet, []);
  for (const problem of problems) groups.get(problem.sheet)!.push(problem);
  for (const [sheet, list] of groups) {
    const heading = sheet === null ? ui("generalGroup", { count: list.length }) : ui("sheetGroup", { sheet, count: list.length });
    const group = h(
      "section",
      { class: "sheet-group" },
      h("h3", { class: "sheet-name" }, heading, sheet !== null && hidden.includes(sheet) && h("span", { class: "tag" }, ui("hiddenSheet"))),
    );
    for (const severity of SEVERITIES) {
      const items = list.filter((p) => p.severity === severity);
      if (items.length === 0) continue;
      group.append(h("h4", { class: `severity ${severity}` }, ui(severity === "error" ? "errors" : "warnings", { count: items.length })));
      const ul = h("ul", { class: "problems" });
      group.append(ul);
      appendPage(group, ul, items, 0, handlers);
    }
    root.append(group);
  }
  return root;
}

function appendPage(group: HTMLElement, ul: HTMLUListElement, items: readonly Problem[], from: number, handlers: ProblemHandlers): void {
  for (const problem of items.slice(from, from + PAGE)) ul.append(problemItem(problem, handlers));
  const shown = Math.min(items.length, from + PAGE);
  if (shown >= items.length) return;
  const more = h("button", { type: "button", class: "button subtle more" }, ui("showMore"));
  const note = h("p", { class: "hint" }, ui("truncated", { shown, total: items.length }), " ", more);
  ul.after(note);
  more.addEventListener("click", () => {
    note.remove();
    appendPage(group, ul, items, shown, handlers);
  });
}

function problemItem(problem: Problem, handlers: ProblemHandlers): HTMLLIElement {
  const parts = [
    problem.cell && h("span", { class: "cell" }, problem.cell),
    problem.code && h("span", { class: "code" }, problem.code),
    h("span", { class: "message" }, problem.message),
  ];
  const item = h("li", {
    class: `problem ${problem.severity}`,
    "data-cell": problem.cell ?? undefined,
    "data-sheet": problem.sheet ?? undefined,
  });
  if (problem.sheet && problem.cell) {
    const link = h(
      "button",
      { type: "button", class: "problem-link", title: ui("goToCell", { sheet: problem.sheet, cell: problem.cell }) },
      ...parts,
    );
    link.addEventListener("click", () => handlers.select(problem));
    item.append(link);
  } else {
    item.append(h("div", { class: "problem-text" }, ...parts));
  }
  if (problem.fix && problem.sheet && problem.cell) {
    const fix = h("button", { type: "button", class: "button small fix" }, ui("fix"));
    fix.addEventListener("click", () => handlers.fix(problem, item));
    item.append(fix);
  }
  return item;
}

/** The confirmation a fix needs (an add-in's writes cannot be undone): what will change, then Ghi số / Hủy. */
export function renderFixConfirm(preview: string, onApply: () => void, onCancel: () => void): HTMLElement {
  const apply = h("button", { type: "button", class: "button primary small", "data-action": "apply-fix" }, ui("fixApply"));
  const cancel = h("button", { type: "button", class: "button small", "data-action": "cancel-fix" }, ui("cancel"));
  apply.addEventListener("click", onApply);
  cancel.addEventListener("click", onCancel);
  return h(
    "div",
    { class: "confirm", role: "alertdialog", "aria-label": ui("fixConfirm") },
    h("p", { class: "confirm-text" }, ui("fixConfirm")),
    h("p", { class: "preview" }, preview),
    h("div", { class: "actions" }, apply, cancel),
  );
}

export type MessageKind = "info" | "success" | "warning" | "error" | "strong";

/** Replaces a container's content with message paragraphs, all of one kind. */
export function showMessages(container: HTMLElement, kind: MessageKind, ...lines: string[]): void {
  showLines(
    container,
    lines.map((text) => ({ kind, text })),
  );
}

/** Replaces a container's content with message paragraphs of their own kinds. */
export function showLines(container: HTMLElement, lines: readonly { kind: MessageKind; text: string }[]): void {
  container.replaceChildren(...lines.map((line) => h("p", { class: `message-line ${line.kind}` }, line.text)));
}
