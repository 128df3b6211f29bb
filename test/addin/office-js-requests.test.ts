import { describe, expect, it } from "vitest";
import { buildSummary, planSummary, readWorkbook, summaryLayout, type Cell, type SheetGrid } from "../../core";
import { layoutOps, readGrids, RESPONSE_BUDGET, writeSummary } from "../../addin/office-adapter";
import { loadOfficeJs, OFFICE_JS_AVAILABLE, WEB_PAYLOAD_LIMIT, type OfficeJsHost } from "../support/office-js-host";

/**
 * The adapter through Microsoft's own office.js (test/support/office-js-host.ts): the requests below are the ones
 * office.js serialises, their count is its count of round trips, and the stand-in refuses what Excel on the web
 * refuses (over 5 MB either way). Skipped where @microsoft/office-js is not installed.
 */

const HEADER: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027, 2028, 2029, 2030, "Ghi chú"];
const GROUPS = ["KT", "XH", "XD"];
const DATE = new Date(2027, 11, 20);
/** A write stays this far under the web's limit, whatever office.js adds to the estimate. */
const SAFE_REQUEST = 4_500_000;

/** n coded rows: baseline 100 + i, target ≥ 200, 2027 a number, every 7th a text number; `flip` alternates the status every row. */
function targetSheet(n: number, flip = false): SheetGrid {
  const body = Array.from({ length: n }, (_, i): Cell[] => {
    const actual = flip ? (i % 2 === 0 ? 250 : 150) : i % 7 === 0 ? "1.234" : 180 + (i % 50);
    return [`${GROUPS[i % 3]}${i + 1}`, `Chỉ tiêu số ${i + 1}`, "ha", "Năm", 100 + i, "≥ 200", 150 + (i % 100), actual];
  });
  return { name: "Chỉ tiêu", top: 1, left: 1, values: [["ĐẢNG ỦY XÃ CO MẠ"], [], HEADER, ...body] };
}

async function summarise(host: OfficeJsHost) {
  const context = host.context();
  const snapshot = await readGrids(context);
  const reads = host.requests.length;
  const written = await writeSummary(context, planSummary(snapshot.grids, { year: 2027, date: DATE })!, snapshot.grids);
  return { reads, writes: host.requests.slice(reads), written };
}

describe.skipIf(!OFFICE_JS_AVAILABLE)("requests as office.js sends them", { timeout: 120_000 }, () => {
  it("should read 5,000 rows in one sync and write their summary in one more", async () => {
    const host = loadOfficeJs([targetSheet(5000)]);
    const { reads, writes, written } = await summarise(host);
    expect({ reads, writes: writes.length }).toEqual({ reads: 1, writes: 1 });
    expect(written.stats.syncs).toBe(1);
    expect(writes[0].bytes).toBeLessThan(SAFE_REQUEST);
    expect(written.stats.bytes).toBeGreaterThanOrEqual(writes[0].bytes);
  });

  it.each([false, true])(
    "should split the write of the largest sheet (20,000 rows) under 4.5 MB a request, status flipping: %s",
    async (flip) => {
      // 20,000 rows is the most a sheet may have (core/sheet.ts), its title and header rows included
      const host = loadOfficeJs([targetSheet(20_000 - 3, flip)]);
      const { writes, written } = await summarise(host);
      expect(written.stats.syncs).toBe(writes.length);
      expect(writes.filter((w) => w.bytes >= SAFE_REQUEST).map((w) => w.bytes)).toEqual([]);
      // the estimate the split is made on is never under office.js's own serialisation of the same actions
      expect(written.stats.bytes).toBeGreaterThanOrEqual(writes.reduce((sum, w) => sum + w.bytes, 0));
    },
  );

  /** A household list: `rows` × 10 cells of 60-character Vietnamese texts. */
  function households(rows: number): SheetGrid {
    const text = (r: number, c: number) =>
      `Hộ ông Lò Văn ${r}-${c}, bản Nà Tấu, xã Co Mạ, huyện Thuận Châu, Sơn La`.slice(0, 60).padEnd(60, ".");
    return { name: "Danh sách hộ", values: Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => text(r, c))) };
  }

  it("should read a 50,000-cell sheet of 60-character texts in one sync, under the web's 5 MB", async () => {
    const sheet = households(5000);
    const host = loadOfficeJs([sheet]);
    const snapshot = await readGrids(host.context());
    expect(snapshot.grids[0].values).toEqual(sheet.values);
    expect(host.requests.map((r) => r.responseBytes < WEB_PAYLOAD_LIMIT)).toEqual([true]);
  });

  it("should read a sheet too big for one response in steps sized by the bytes read, not by cell count", async () => {
    const sheet = households(10_000);
    const host = loadOfficeJs([sheet]);
    const snapshot = await readGrids(host.context());
    expect(snapshot.grids[0].values).toEqual(sheet.values);
    const [walk, names, used, ...blocks] = host.requests;
    expect(walk.responseBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT); // refused, as the web refuses it
    expect([names, used].map((r) => r.responseBytes < 10_000)).toEqual([true, true]);
    // ~95 bytes a cell: blocks of RESPONSE_BUDGET / 95 cells after the first, never 100,000 cells (9.5 MB)
    expect(blocks.filter((r) => r.responseBytes > RESPONSE_BUDGET * 1.1).map((r) => r.responseBytes)).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(Math.ceil(walk.responseBytes / (RESPONSE_BUDGET * 0.8)) + 1);
  });

  it("should send the chart as office.js writes it: Charts.Add(BarStacked) on the new sheet, series from ranges", async () => {
    const grids = [targetSheet(3)];
    const layout = summaryLayout(buildSummary(readWorkbook(grids), 2027), "Tổng hợp BTV 2027", DATE);
    const chart = {
      anchor: "A17:K32",
      title: "Kết quả",
      categories: "B12:B14",
      series: [
        { name: "Đạt", values: "C12:C14", color: "00B050" },
        { name: "Chưa đạt", values: "D12:D14", color: "FFC000" },
      ],
    };
    const host = loadOfficeJs(grids);
    const context = host.context();
    for (const op of layoutOps(context, { layout: { ...layout, chart }, replaces: null, position: null }, false)) op.run(0);
    await context.sync();
    expect(host.requests).toHaveLength(1);
    const { ObjectPaths, Actions } = host.requests[0].body;
    const paths = Object.values(ObjectPaths);
    const calls = (name: string) =>
      [...paths.filter((p) => p.Name === name), ...Actions.filter((a) => a.Name === name)].map(
        (p) => (p as { ArgumentInfo?: { Arguments?: unknown[] } }).ArgumentInfo?.Arguments,
      );
    expect(calls("Add").filter((args) => args?.[0] === "BarStacked")).toHaveLength(1);
    expect(calls("SetPosition")).toEqual([["A17", "K32"]]);
    expect(calls("SetSolidColor")).toEqual([["#00B050"], ["#FFC000"]]);
    expect(calls("SetXAxisValues")).toHaveLength(2);
  });
});
