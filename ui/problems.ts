import type { Problem, Severity } from "../core";
import { h, replaceContent, uniqueId } from "./dom";
import { showLines, type MessageLine } from "./messages";
import { describeRefusal } from "./refusals";
import { text } from "./text";

/**
 * The problems list shared by the task pane and the offline page: problems grouped by sheet (workbook order, general
 * problems first), then by severity (errors first), each group folding under a sticky heading with its count. A
 * problem with a cell selects it; a text number has its "Sửa", and "Sửa tất cả" fixes them all after one preview.
 * Focus never falls to the page: after a fix it goes to the next problem, after Hủy or Esc back to its button,
 * after "Hiện thêm" to the first new row. The host does the work through callbacks; no host API in here.
 */

/** What a fix did: the problems really fixed (the others changed since the check) and what to tell the user. */
export interface FixOutcome {
  fixed: readonly Problem[];
  lines: readonly MessageLine[];
}

export interface FixHandlers {
  /** The change a fix makes, as shown before writing: `I10: “12,5” (chữ) → 12,5 (số)`. */
  preview(problem: Problem): string;
  /** Writes the numbers (all of them in one request); a rejection is shown in plain words (ui/refusals.ts). */
  apply(problems: readonly Problem[]): Promise<FixOutcome>;
}

export interface ProblemListOptions {
  /** Sheet names in workbook order: the groups follow it. */
  sheetOrder?: readonly string[];
  /** Hidden sheets: their group says so. */
  hidden?: readonly string[];
  /** Rows shown per severity group before "Hiện thêm"; PAGE by default. */
  pageSize?: number;
  /** Groups start folded (only the headings and their counts): when the eye should be on another result. */
  folded?: boolean;
  /**
   * A click on a problem that has a sheet and a cell; without it the rows are plain text. Lines it resolves with
   * (the sheet is hidden, gone …) show in the row clicked; a rejection is shown there in plain words.
   */
  onSelect?(problem: Problem): void | Promise<readonly MessageLine[] | void>;
  /** Offers "Sửa" on problems with a fix, and "Sửa tất cả" when there are two or more; without it, neither. */
  fix?: FixHandlers;
}

export interface ProblemList {
  readonly element: HTMLElement;
  /** The problems still listed (fixed ones leave). */
  readonly problems: readonly Problem[];
  /** Folds or unfolds every group. */
  fold(folded: boolean): void;
}

/** How many problems of one sheet and severity are shown before "Hiện thêm". */
export const PAGE = 200;

const SEVERITIES: Severity[] = ["error", "warning"];

interface Block {
  severity: Severity;
  /** Remaining problems, in order; the first `rendered` of them have a row. */
  items: Problem[];
  rendered: number;
  heading: HTMLButtonElement;
  ul: HTMLUListElement;
  note: HTMLElement | null;
}

interface Group {
  sheet: string | null;
  toggle: HTMLButtonElement;
  blocks: Block[];
}

const fixable = (p: Problem) => Boolean(p.fix && p.sheet && p.cell);
const focusables = "button:not([disabled]), a[href], [tabindex]";

export function renderProblems(problems: readonly Problem[], options: ProblemListOptions = {}): ProblemList {
  const pageSize = options.pageSize ?? PAGE;
  let remaining = [...problems];
  const rows = new Map<Problem, HTMLLIElement>();
  let pending = false;

  const endId = uniqueId("problems-end");
  const status = h("div", { class: "visually-hidden", role: "status" });
  const fixAllBar = h("div", { class: "fix-all" });
  const end = h("p", { class: "list-end visually-hidden", id: endId, tabindex: "-1" }, text("listEnd"));
  const root = h(
    "div",
    { class: "problem-list", role: "region", "aria-label": text("problemsLabel") },
    h("a", { class: "skip-link", href: `#${endId}` }, text("skipList")),
    status,
    fixAllBar,
  );

  // ── groups ──
  const byGroup = new Map<string | null, Problem[]>();
  for (const sheet of [null, ...(options.sheetOrder ?? []), ...problems.map((p) => p.sheet)]) {
    if (!byGroup.has(sheet) && problems.some((p) => p.sheet === sheet)) byGroup.set(sheet, []);
  }
  for (const problem of problems) byGroup.get(problem.sheet)!.push(problem);
  const groups: Group[] = [];
  for (const [sheet, list] of byGroup) {
    const body = h("div", { class: "group-body", id: uniqueId("group") });
    const toggle = toggleButton(body);
    const section = h(
      "section",
      { class: "sheet-group" },
      h(
        "h3",
        { class: "sheet-name" },
        toggle,
        sheet !== null && (options.hidden ?? []).includes(sheet) && h("span", { class: "tag" }, text("hiddenSheet")),
      ),
      body,
    );
    const group: Group = { sheet, toggle, blocks: [] };
    for (const severity of SEVERITIES) {
      const items = list.filter((p) => p.severity === severity);
      if (items.length === 0) continue;
      const ul = h("ul", { class: "problems", id: uniqueId("severity") });
      const heading = toggleButton(ul);
      const block: Block = { severity, items, rendered: 0, heading, ul, note: null };
      body.append(h("h4", { class: `severity ${severity}` }, heading), ul);
      group.blocks.push(block);
      renderPage(block);
    }
    groups.push(group);
    root.append(section);
  }
  root.append(end);
  updateCounts();
  renderFixAll();
  if (options.folded) fold(true);

  function toggleButton(controlled: HTMLElement): HTMLButtonElement {
    const button = h("button", { type: "button", class: "group-toggle", "aria-expanded": "true", "aria-controls": controlled.id });
    button.addEventListener("click", () => setOpen(button, button.getAttribute("aria-expanded") !== "true"));
    return button;
  }

  function setOpen(button: HTMLButtonElement, open: boolean): void {
    button.setAttribute("aria-expanded", String(open));
    const controlled = root.querySelector<HTMLElement>(`#${button.getAttribute("aria-controls")}`);
    if (controlled) controlled.hidden = !open;
    // a block's "Hiện thêm" note folds with its list
    const block = groups.flatMap((g) => g.blocks).find((b) => b.heading === button);
    if (block?.note) block.note.hidden = !open;
  }

  function fold(folded: boolean): void {
    for (const group of groups) setOpen(group.toggle, !folded);
  }

  function updateCounts(): void {
    for (const group of groups) {
      const count = group.blocks.reduce((sum, b) => sum + b.items.length, 0);
      group.toggle.textContent = group.sheet === null ? text("generalGroup", { count }) : text("sheetGroup", { sheet: group.sheet, count });
      for (const block of group.blocks) {
        block.heading.textContent = text(block.severity === "error" ? "errors" : "warnings", { count: block.items.length });
        if (block.note) block.note.firstChild!.textContent = text("truncated", { shown: block.rendered, total: block.items.length });
      }
    }
  }

  // ── rows ──
  function renderPage(block: Block): HTMLLIElement | null {
    const from = block.rendered;
    const added = block.items.slice(from, from + pageSize).map(row);
    block.ul.append(...added);
    block.rendered += added.length;
    block.note?.remove();
    block.note = null;
    if (block.rendered < block.items.length) {
      const more = h("button", { type: "button", class: "button subtle more" }, text("showMore"));
      block.note = h("p", { class: "hint more-note" }, text("truncated", { shown: block.rendered, total: block.items.length }), " ", more);
      block.ul.after(block.note);
      more.addEventListener("click", () => focusRow(renderPage(block)));
    }
    return added[0] ?? null;
  }

  function row(problem: Problem): HTMLLIElement {
    const parts = [
      h("span", { class: "visually-hidden" }, `${text(problem.severity === "error" ? "severityError" : "severityWarning")}: `),
      problem.cell && h("span", { class: "cell" }, problem.cell),
      problem.code && h("span", { class: "code" }, problem.code),
      h("span", { class: "message" }, problem.message),
    ];
    const item = h("li", {
      class: `problem ${problem.severity}`,
      "data-cell": problem.cell ?? undefined,
      "data-sheet": problem.sheet ?? undefined,
    });
    const line = h("div", { class: "problem-row" });
    item.append(line);
    if (problem.sheet && problem.cell && options.onSelect) {
      const link = h(
        "button",
        { type: "button", class: "problem-link", title: text("goToCell", { sheet: problem.sheet, cell: problem.cell }) },
        ...parts,
      );
      link.addEventListener("click", () => void selected(problem, item));
      line.append(link);
    } else {
      line.append(h("div", { class: "problem-text" }, ...parts));
    }
    if (options.fix && fixable(problem)) {
      const fix = h(
        "button",
        { type: "button", class: "button small fix", "aria-label": text("fixLabel", { cell: problem.cell!, severity: problem.severity }) },
        text("fix"),
      );
      fix.addEventListener("click", () => askFix(problem, item, fix));
      line.append(fix);
    }
    rows.set(problem, item);
    return item;
  }

  async function selected(problem: Problem, item: HTMLLIElement): Promise<void> {
    let lines: readonly MessageLine[] | void;
    try {
      lines = await options.onSelect!(problem);
    } catch (error) {
      lines = describeRefusal(error).map((t, i) => ({ kind: i === 0 ? "error" : "info", text: t }));
    }
    item.querySelector(".row-outcome")?.remove();
    if (!lines || lines.length === 0) return;
    const note = h("div", { class: "result row-outcome" });
    showLines(note, lines);
    item.append(note);
    announce(lines);
    note.scrollIntoView({ block: "nearest" });
  }

  function focusRow(item: Element | null | undefined): void {
    const target = item?.querySelector<HTMLElement>(focusables) ?? end;
    target.focus();
  }

  /** The visible problem rows, in list order. */
  function visibleRows(): HTMLLIElement[] {
    return Array.from(root.querySelectorAll<HTMLLIElement>("li.problem")).filter((li) => li.closest("[hidden]") === null);
  }

  /** The row focus goes to once `item` leaves: the next visible problem, else the one before, else none. */
  function neighbour(item: HTMLLIElement): HTMLLIElement | null {
    const all = visibleRows();
    const at = all.indexOf(item);
    return all[at + 1] ?? all[at - 1] ?? null;
  }

  function announce(lines: readonly MessageLine[]): void {
    status.textContent = lines.map((l) => l.text).join(" ");
  }

  /** Takes the fixed problems out of the list; the others keep their rows. */
  function drop(fixed: readonly Problem[]): void {
    const gone = new Set(fixed);
    remaining = remaining.filter((p) => !gone.has(p));
    for (const block of groups.flatMap((g) => g.blocks)) {
      const rendered = block.items.slice(0, block.rendered);
      block.rendered -= rendered.filter((p) => gone.has(p)).length;
      block.items = block.items.filter((p) => !gone.has(p));
    }
    updateCounts();
    renderFixAll();
  }

  // ── confirm ──
  function closeConfirms(): void {
    for (const box of Array.from(root.querySelectorAll(".confirm"))) box.remove();
  }

  function confirmBox(title: string, preview: HTMLElement, applyLabel: string, onApply: () => void, onCancel: () => void): HTMLElement {
    const id = uniqueId("confirm");
    const apply = h("button", { type: "button", class: "button primary small", "data-action": "apply-fix" }, applyLabel);
    const cancel = h("button", { type: "button", class: "button small", "data-action": "cancel-fix" }, text("cancel"));
    preview.id = `${id}-preview`;
    const box = h(
      "div",
      { class: "confirm", role: "alertdialog", "aria-labelledby": `${id}-title`, "aria-describedby": preview.id },
      h("p", { class: "confirm-text", id: `${id}-title` }, title),
      preview,
      h("div", { class: "actions" }, apply, cancel),
    );
    apply.addEventListener("click", onApply);
    cancel.addEventListener("click", onCancel);
    box.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    });
    return box;
  }

  function askFix(problem: Problem, item: HTMLLIElement, button: HTMLButtonElement): void {
    if (pending || !options.fix) return;
    closeConfirms();
    const cancel = () => {
      box.remove();
      button.focus();
    };
    const preview = h("p", { class: "preview" }, options.fix.preview(problem));
    const box = confirmBox(
      text("fixConfirm"),
      preview,
      text("fixApply"),
      () => {
        box.remove();
        void applyFixes([problem], item, button);
      },
      cancel,
    );
    item.append(box);
    box.querySelector<HTMLButtonElement>("[data-action=apply-fix]")!.focus();
  }

  /** Runs the host's fix; the outcome shows in the row that caused it (or the "Sửa tất cả" bar) and is announced. */
  async function applyFixes(targets: readonly Problem[], item: HTMLLIElement | null, button: HTMLButtonElement): Promise<void> {
    pending = true;
    let outcome: FixOutcome;
    try {
      outcome = await options.fix!.apply(targets);
    } catch (error) {
      outcome = { fixed: [], lines: describeRefusal(error).map((t, i) => ({ kind: i === 0 ? "error" : "info", text: t })) };
    } finally {
      pending = false;
    }
    announce(outcome.lines);
    const fixedRows = outcome.fixed.map((p) => rows.get(p)).filter((li): li is HTMLLIElement => li !== undefined);
    if (item) {
      // the row stays as its outcome until the list is drawn again; it is no longer a problem
      const fixed = outcome.fixed.includes(targets[0]);
      const next = neighbour(item);
      const note = h("div", { class: "result row-outcome" });
      showLines(note, outcome.lines);
      if (fixed) {
        item.className = "problem-done";
        replaceContent(item, note);
      } else {
        item.querySelector(".row-outcome")?.remove();
        item.append(note);
      }
      drop(outcome.fixed);
      if (fixed) focusRow(next);
      else button.focus();
      note.scrollIntoView({ block: "nearest" });
      return;
    }
    for (const li of fixedRows) li.remove();
    drop(outcome.fixed);
    showLines(fixAllOutcome(), outcome.lines);
    // after "Sửa tất cả", the first problem left (right under the outcome); its button when nothing was written
    if (outcome.fixed.length > 0) focusRow(visibleRows()[0] ?? null);
    else fixAllBar.querySelector<HTMLElement>("button")?.focus();
    fixAllBar.scrollIntoView({ block: "nearest" });
  }

  // ── fix all ──
  function fixAllOutcome(): HTMLElement {
    let box = fixAllBar.querySelector<HTMLElement>(".fix-all-outcome");
    if (!box) fixAllBar.append((box = h("div", { class: "result fix-all-outcome" })));
    return box;
  }

  function renderFixAll(): void {
    const targets = remaining.filter(fixable);
    const outcome = fixAllBar.querySelector(".fix-all-outcome");
    replaceContent(fixAllBar);
    if (options.fix && targets.length >= 2) {
      const button = h("button", { type: "button", class: "button fix-all-button" }, text("fixAll", { count: targets.length }));
      button.addEventListener("click", () => askFixAll(button));
      fixAllBar.append(button);
    }
    if (outcome) fixAllBar.append(outcome);
  }

  function askFixAll(button: HTMLButtonElement): void {
    if (pending || !options.fix) return;
    closeConfirms();
    const targets = remaining.filter(fixable);
    const preview = h(
      "ul",
      { class: "preview preview-list", tabindex: "0", "aria-label": text("fixAll", { count: targets.length }) },
      ...targets.map((p) => h("li", {}, options.fix!.preview(p))),
    );
    const cancel = () => {
      box.remove();
      button.focus();
    };
    const box = confirmBox(
      text("fixAllConfirm", { count: targets.length }),
      preview,
      text("fixAllApply", { count: targets.length }),
      () => {
        box.remove();
        void applyFixes(targets, null, button);
      },
      cancel,
    );
    button.after(box);
    box.querySelector<HTMLButtonElement>("[data-action=apply-fix]")!.focus();
  }

  return {
    element: root,
    get problems() {
      return remaining;
    },
    fold,
  };
}
