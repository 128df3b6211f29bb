/** What the workbook-file layer refuses before inflating anything (docs/limits.md). */
export const LIMITS = {
  /** The template is 30 KB; a commune workbook with years of data a few MB. */
  fileBytes: 50 * 1024 * 1024,
  /** Sum of the uncompressed sizes the zip central directory declares. */
  unzippedBytes: 200 * 1024 * 1024,
  /** Deflate tops out near 1:1000; spreadsheet XML rarely passes 1:100. Only checked for large parts. */
  ratio: 200,
  ratioFloorBytes: 10 * 1024 * 1024,
  /** Parts of the zip: a workbook has a few per sheet; tens of thousands of tiny parts only slow the reading. */
  parts: 10_000,
};
