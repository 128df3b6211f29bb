/** A figure taken from the congress report, with the words it came from. */
export interface SourceQuote {
  /** Exact words of the report (whitespace may be folded, nothing else changed). */
  quote: string;
  /** Where in the report: part, section, footnote, e.g. "Phần thứ hai, I.1.1.1" or "chú thích 3". */
  where: string;
}

export type CatalogueGroup = "KT" | "XH" | "XD";
export type CatalogueMethod = "Năm" | "Cộng dồn" | "Tăng bình quân" | "Hằng năm";

/**
 * One row of the embedded catalogue: a target (`KT4`) or one sub-metric of a target (`KT3.2`).
 * A target with sub-metrics also has a parent row (`KT3`) whose `target` is null.
 */
export interface CatalogueEntry {
  code: string;
  group: CatalogueGroup;
  /** Vietnamese name, as an official would write it in the sheet. */
  name: string;
  /** Unit: "%", "ha", "hộ", "người", "triệu đồng", "đảng viên", "tiêu chí", "con", … ("" for a parent row). */
  unit: string;
  method: CatalogueMethod;
  /** Target expression (core/target.ts reads it), e.g. "7-8", "trên 2.800", "dưới 30", "giảm tối thiểu 10%"; null for a parent. */
  target: string | null;
  /** The words of Phần thứ ba, II.3 that state the target. */
  targetSource: SourceQuote;
  /** The value at the end of the 2020–2025 term, consolidated over the three former communes; null when the report gives none. */
  baseline: number | null;
  /** The words behind the baseline (one quote per former commune when it was consolidated). */
  baselineSources: SourceQuote[];
  /** How the baseline was formed, in Vietnamese (e.g. "Cộng 3 xã cũ", "Bình quân gia quyền theo dân số", "Số liệu toàn xã"). */
  consolidation: string | null;
  /** Vietnamese notes for the `Ghi chú` column: contradictions of the report, missing weights, assumptions. */
  notes: string[];
  /**
   * True when the report contradicts itself on a figure of this row (two of its statements cannot both hold; a typo or
   * a missing figure is not a contradiction): surfaced as a warning, never fixed silently. `notes[0]` then says what
   * the contradiction is.
   */
  reportConflict: boolean;
}

export type FormerCommune = "Co Mạ" | "Pá Lông" | "Co Tòng";

/** A 2020–2025 result of one former commune, as the report gives it. */
export interface FormerCommuneResult {
  /** Catalogue code the figure feeds, or null when it is context only (e.g. population used as a weight). */
  code: string | null;
  commune: FormerCommune;
  /** What the figure is, in Vietnamese. */
  label: string;
  value: number;
  unit: string;
  source: SourceQuote;
}
