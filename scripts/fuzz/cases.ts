import { mutatedBytes, mutatedXml, notAWorkbook, zipBomb } from "./files";
import { hostileWorkbook } from "./hostile";
import { Random } from "./random";
import { emptyWorkbook, hugeWorkbook, messyWorkbook, mutatedTemplate, templateBytes, toBytes } from "./workbooks";

/** One fuzz input: the file's bytes, the name it is given, and what kind of damage it carries. */
export interface FuzzInput {
  kind: string;
  fileName: string;
  bytes: Buffer;
}

export interface FuzzBase {
  template: Buffer;
}

export async function fuzzBase(): Promise<FuzzBase> {
  return { template: await templateBytes() };
}

const KINDS: [number, string][] = [
  [34, "template"],
  [24, "messy"],
  [14, "xml"],
  [12, "hostile"],
  [8, "bytes"],
  [10, "not-workbook"],
  [2, "empty"],
  [0.5, "bomb"],
  [0.15, "huge"],
];

const NAMES = ["chi-tieu.xlsx", "Báo cáo 2027.xlsx", "tên có dấu cách & ; $x.xlsx", "BANG.XLSX", "so lieu.xlsm", "không-đuôi", "🇻🇳.xlsx"];

/** What case `n` of run `seed` will be, without building it (the runner gives huge cases more time). */
export function caseKind(seed: number, n: number): string {
  return Random.forCase(seed, n).weighted(KINDS);
}

/** Case `n` of run `seed`: the same content every time (exceljs is given fixed dates; zip entry times may differ). */
export async function makeInput(seed: number, n: number, base: FuzzBase): Promise<FuzzInput> {
  const random = Random.forCase(seed, n);
  const kind = random.weighted(KINDS);
  const fileName = random.pick(NAMES);
  const bytes = await build(kind, random, base.template);
  return { kind, fileName, bytes };
}

async function build(kind: string, random: Random, template: Buffer): Promise<Buffer> {
  switch (kind) {
    case "template":
      return safely(() => mutatedTemplate(random, template).then(toBytes), template);
    case "messy":
      return safely(() => toBytes(messyWorkbook(random)), template);
    case "xml":
      return mutatedXml(random, template);
    case "hostile":
      return hostileWorkbook(random, template);
    case "bytes":
      return mutatedBytes(random, template);
    case "not-workbook":
      return notAWorkbook(random);
    case "empty":
      return safely(() => toBytes(emptyWorkbook(random)), Buffer.alloc(0));
    case "bomb":
      return zipBomb(random, template);
    default:
      return toBytes(await hugeWorkbook(random, template));
  }
}

/** exceljs may refuse to write a value it accepted (a lone surrogate, NaN): that is exceljs, not COMA, so fall back. */
async function safely(make: () => Promise<Buffer>, fallback: Buffer): Promise<Buffer> {
  try {
    return await make();
  } catch {
    return fallback;
  }
}
