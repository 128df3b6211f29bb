import * as zlib from "node:zlib";
import type { Inflater } from "../../workbook/zip";

/**
 * Node's native zlib to read the layer's zip: no JavaScript inflater to warm up in a command that runs for a second.
 * Writing keeps the layer's fflate, the page's deflater, so that the command line and the page write the same bytes.
 */
export const inflateWithZlib: Inflater = (data, size) => {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw error;
  }
};
