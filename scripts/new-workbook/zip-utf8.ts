/**
 * exceljs hands each XML part to JSZip as a string, and JSZip encodes strings to UTF-8 16 KiB at a time: a
 * character outside the Basic Multilingual Plane (an emoji) that straddles two blocks becomes two U+FFFD in the
 * written file. Found by the fuzzer (test/cli/astral.test.ts). Encoding the whole part here, before JSZip sees it,
 * keeps every character. exceljs exports no hook for this, so its zip writer is wrapped once, at load.
 */
const { ZipWriter } = require("exceljs/lib/utils/zip-stream") as {
  ZipWriter: { prototype: { append(data: unknown, options: { base64?: boolean }): void } };
};

const append = ZipWriter.prototype.append;
ZipWriter.prototype.append = function (data, options) {
  return append.call(this, typeof data === "string" && !options.base64 ? Buffer.from(data, "utf8") : data, options);
};
