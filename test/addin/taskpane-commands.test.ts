import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { markerText, type Cell, type SheetGrid } from "../../core";
import { mockExcel, type ExcelMock } from "../../scripts/bench/office-mock";
import { describeRefusal } from "../../ui";

/** The ribbon command "Tổng hợp BTV" with a fake Office (no shared runtime: the handler runs alone). */

const HEADER: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027];
const sheet = (...rows: Cell[][]): SheetGrid => ({ name: "Chỉ tiêu bí mật", values: [HEADER, ...rows] });

interface FakeDialog {
  url: string;
  handlers: Map<string, () => void>;
  closed: boolean;
}

const handlers = new Map<string, (event: { completed: () => void }) => Promise<void> | void>();
let dialogs: FakeDialog[] = [];
let onDialog: ((dialog: FakeDialog) => void) | null = null;

beforeAll(async () => {
  const g = globalThis as Record<string, unknown>;
  g.window = { location: { href: "https://localhost:3000/commands.html?_host_Info=Excel$Win32", search: "" } };
  g.Office = {
    onReady: (callback?: (info: { host: string }) => void) => {
      callback?.({ host: "Excel" });
      return Promise.resolve({ host: "Excel" });
    },
    actions: { associate: (id: string, handler: (event: { completed: () => void }) => Promise<void>) => handlers.set(id, handler) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "DialogMessageReceived", DialogEventReceived: "DialogEventReceived" },
    context: {
      requirements: { isSetSupported: () => true },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
          const dialog: FakeDialog = { url, handlers: new Map(), closed: false };
          dialogs.push(dialog);
          callback({
            status: "succeeded",
            value: {
              addEventHandler: (type: string, handler: () => void) => dialog.handlers.set(type, handler),
              close: () => (dialog.closed = true),
            },
          });
          onDialog?.(dialog);
        },
      },
    },
  };
  ({ noticeLines } = await import("../../addin/commands/commands"));
});

let noticeLines: (params: URLSearchParams) => string[];

let restore: (() => void) | null = null;
function install(grids: SheetGrid[]): ExcelMock {
  const mock = mockExcel(grids);
  restore = mock.install();
  return mock;
}
afterEach(() => {
  restore?.();
  restore = null;
  dialogs = [];
  onDialog = null;
});

/** Runs the command; `whenDialog` plays the user on the notice dialog. */
async function click(whenDialog: (dialog: FakeDialog) => void = (d) => d.handlers.get("DialogEventReceived")?.()): Promise<number> {
  let completed = 0;
  onDialog = whenDialog;
  await handlers.get("generateSummary")!({ completed: () => completed++ });
  return completed;
}

describe("the ribbon button Tổng hợp BTV", () => {
  it("should be registered under the id the manifest names", () => {
    expect([...handlers.keys()]).toEqual(["generateSummary"]);
  });

  it("should write the summary of the latest year, activate it and say nothing more when the data is clean", async () => {
    const mock = install([sheet(["KT1", "Thu ngân sách", "triệu đồng", "Năm", 5, "≥ 6", 6, 7])]);
    expect(await click()).toBe(1);
    expect(mock.sheetNames()).toEqual(["Chỉ tiêu bí mật", "Tổng hợp BTV 2027"]);
    expect(mock.active()).toBe("Tổng hợp BTV 2027");
    expect(dialogs).toEqual([]);
  });

  it("should tell about problems in a dialog whose address holds only a code and numbers", async () => {
    const mock = install([
      sheet(["KT1", "Thu ngân sách", "triệu đồng", "Năm", 5, "≥ 6", "6,5", 7]),
      { name: "Tổng hợp BTV 2027", values: [["của văn phòng"]] },
    ]);
    let closedBeforeCompleted = false;
    const completed = await click((dialog) => {
      dialog.handlers.get("DialogMessageReceived")?.(); // the user pressed Đóng
      closedBeforeCompleted = dialog.closed;
    });
    expect(completed).toBe(1);
    expect(closedBeforeCompleted).toBe(true);
    expect(mock.sheetNames()).toEqual(["Chỉ tiêu bí mật", "Tổng hợp BTV 2027", "Tổng hợp BTV 2027 (2)"]);
    expect(dialogs.map((d) => d.url)).toEqual(["https://localhost:3000/commands.html?notice=done-problems&year=2027&copy=2&count=1"]);
    expect(dialogs[0].url).not.toContain("b%C3%AD"); // no sheet name, no cell text
  });

  it("should write nothing and say why when no sheet is a target sheet", async () => {
    const mock = install([{ name: "Sheet1", values: [["ghi chép"]] }]);
    expect(await click()).toBe(1);
    expect(mock.sheetNames()).toEqual(["Sheet1"]);
    expect(dialogs.map((d) => new URL(d.url).search)).toEqual(["?notice=no-target-sheet"]);
  });

  it("should complete the event even when Excel fails", async () => {
    const broken = mockExcel([sheet(["KT1", "x", "ha", "Năm", 1, "2", 1, 2])]);
    const g = globalThis as { Excel?: unknown };
    const before = g.Excel;
    g.Excel = { run: () => Promise.reject(Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" })) };
    try {
      expect(await click()).toBe(1);
      expect(dialogs.map((d) => new URL(d.url).search)).toEqual(["?notice=edit-mode"]);
    } finally {
      g.Excel = before;
    }
    expect(broken.syncs).toBe(0);
  });

  it("should name Excel's refusal in plain Vietnamese, carrying only its code into the dialog", async () => {
    install([sheet(["KT1", "x", "ha", "Năm", 1, "2", 1, 2])]);
    const g = globalThis as { Excel?: unknown };
    const before = g.Excel;
    g.Excel = { run: () => Promise.reject(Object.assign(new Error("Bảng ‘Chỉ tiêu’ đang khóa"), { code: "AccessDenied" })) };
    try {
      expect(await click()).toBe(1);
    } finally {
      g.Excel = before;
    }
    const search = new URL(dialogs[0].url).searchParams;
    expect([...search.keys()]).toEqual(["notice", "code"]);
    const lines = noticeLines(search);
    expect(lines).toEqual(describeRefusal({ code: "AccessDenied" }));
    expect(lines.join(" ")).not.toContain("AccessDenied");
  });

  it("should run one summary at a time: a second click while the first runs completes at once", async () => {
    const mock = install([
      sheet(["KT1", "Thu ngân sách", "triệu đồng", "Năm", 5, "≥ 6", 6, 7]),
      { name: "Cũ", values: [[markerText(2027)]] },
    ]);
    let completed = 0;
    const first = handlers.get("generateSummary")!({ completed: () => completed++ });
    await handlers.get("generateSummary")!({ completed: () => completed++ });
    expect(completed).toBe(1);
    await first;
    expect(completed).toBe(2);
    expect(mock.sheetNames().filter((n) => n.startsWith("Tổng hợp BTV"))).toEqual(["Tổng hợp BTV 2027"]);
  });
});
