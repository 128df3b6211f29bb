import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import * as z from "zod/mini";
import { BASE_YEAR, FINAL_YEAR } from "../../core";
import { CLI_MESSAGES, CliError, HELP, LABELS, OPTION_PROBLEMS, StopError, type CliMessageCode } from "./messages";
import { summaryText, templateNotes, templateText, validateText } from "./report";
import { collectText, splitText } from "./collect-report";
import { collectFiles, splitFile } from "./collect-commands";
import { letterheadDate, summarizeFile, TEMPLATE_FILE, validateFile, writeTemplate } from "./commands";

/** `coma template | validate | summary`: runs one command and answers its exit status; never throws. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    return explain(error);
  }
}

const OPTIONS = {
  output: { type: "string", short: "o" },
  year: { type: "string" },
  json: { type: "boolean", default: false },
  all: { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  overwrite: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Options each command accepts besides --help. */
const ACCEPTS = {
  template: ["output", "force"],
  validate: ["json", "all"],
  summary: ["output", "year", "json", "all"],
  split: ["output", "year", "force", "json"],
  collect: ["output", "overwrite", "json", "all"],
} as const;
type Command = keyof typeof ACCEPTS;

const issue = (code: CliMessageCode) => ({ error: code });
const Files = z.array(z.string()).check(z.minLength(1, issue("missing-file")));
const Year = z.pipe(
  z.string().check(z.regex(/^\s*\d{4}\s*$/, issue("bad-year"))),
  z.pipe(z.transform(Number), z.number().check(z.gte(BASE_YEAR, issue("bad-year")), z.lte(FINAL_YEAR, issue("bad-year")))),
);
const SCHEMAS = {
  template: z.object({
    files: z.array(z.string()).check(z.maxLength(0, issue("extra-argument"))),
    output: z.optional(z.string()),
    force: z.boolean(),
  }),
  validate: z.object({ files: Files, json: z.boolean(), all: z.boolean() }),
  summary: z.object({ files: Files, output: z.optional(z.string()), year: z.optional(Year), json: z.boolean(), all: z.boolean() }),
  split: z.object({
    files: Files.check(z.maxLength(1, issue("split-one-file"))),
    output: z.optional(z.string()),
    year: z.optional(Year),
    force: z.boolean(),
    json: z.boolean(),
  }),
  collect: z.object({
    files: z.array(z.string()).check(z.minLength(1, issue("missing-file")), z.minLength(2, issue("collect-no-units"))),
    output: z.optional(z.string()),
    overwrite: z.boolean(),
    json: z.boolean(),
    all: z.boolean(),
  }),
};

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new CliError("no-command");
  if (["-h", "--help", "help"].includes(command)) return print(HELP.trimEnd());
  if (!(command in ACCEPTS)) throw new CliError("unknown-command", { command });
  const raw = parseOptions(command as Command, rest);
  if (raw.help) return print(HELP.trimEnd());
  switch (command as Command) {
    case "template":
      return template(parse("template", raw));
    case "validate":
      return validate(parse("validate", raw));
    case "summary":
      return summary(parse("summary", raw));
    case "split":
      return split(parse("split", raw));
    case "collect":
      return collect(parse("collect", raw));
  }
}

type Raw = { files: string[]; help: boolean } & Record<string, unknown>;

function parseOptions(command: Command, args: string[]): Raw {
  const accepted = [...ACCEPTS[command], "help"] as (keyof typeof OPTIONS)[];
  const options = Object.fromEntries(accepted.map((k) => [k, OPTIONS[k]]));
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { ...values, files: positionals, help: values.help === true };
  } catch (error) {
    const text = error instanceof Error ? error.message : "";
    const option = /'(-[^',\s]*)/.exec(text)?.[1] ?? "";
    const code = (error as { code?: string }).code;
    const detail =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? OPTION_PROBLEMS.unknown(option)
        : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
          ? OPTION_PROBLEMS.missingValue(option)
          : OPTION_PROBLEMS.other();
    throw new CliError("bad-option", { detail });
  }
}

function parse<C extends Command>(command: C, raw: Raw): z.infer<(typeof SCHEMAS)[C]> {
  const parsed = z.safeParse(SCHEMAS[command], raw);
  if (parsed.success) return parsed.data as z.infer<(typeof SCHEMAS)[C]>;
  const code = parsed.error.issues[0].message as CliMessageCode;
  const text = code === "bad-year" ? String(raw.year) : String(raw.files[0] ?? "");
  throw new CliError(code in CLI_MESSAGES ? code : "bad-option", { text, detail: OPTION_PROBLEMS.other() });
}

async function template(options: z.infer<(typeof SCHEMAS)["template"]>): Promise<number> {
  const result = await writeTemplate(options.output ?? TEMPLATE_FILE, { overwrite: options.force });
  for (const note of templateNotes(result)) warn(note);
  return print(templateText(result));
}

async function validate(options: z.infer<(typeof SCHEMAS)["validate"]>): Promise<number> {
  return batch(inputs(options.files), options.json, async (file) => {
    const result = await validateFile(file);
    return { exitCode: result.exitCode, json: result.json, text: validateText(result, options) };
  });
}

async function summary(options: z.infer<(typeof SCHEMAS)["summary"]>): Promise<number> {
  const date = letterheadDate();
  const files = inputs(options.files);
  if (options.output !== undefined && files.several) throw new CliError("output-with-batch");
  return batch(files, options.json, async (file) => {
    const result = await summarizeFile(file, { year: options.year, output: options.output, date });
    return { exitCode: 0, json: result.json, text: summaryText(result, { all: options.all, yearGiven: options.year !== undefined }) };
  });
}

async function split(options: z.infer<(typeof SCHEMAS)["split"]>): Promise<number> {
  const result = await splitFile(options.files[0], { year: options.year, folder: options.output, force: options.force });
  return print(options.json ? JSON.stringify(result, null, 2) : splitText(result));
}

async function collect(options: z.infer<(typeof SCHEMAS)["collect"]>): Promise<number> {
  const [master, ...units] = options.files;
  const result = await collectFiles(master, units, { output: options.output, overwrite: options.overwrite });
  print(options.json ? JSON.stringify(result.json, null, 2) : collectText(result, options));
  return result.exitCode;
}

interface FileOutcome {
  exitCode: number;
  json: unknown;
  text: string;
}

/**
 * Runs one job per file. A batch names the file on its progress line and on the line of a file that could not be
 * read (in --json, a `{"file", "error"}` line), and ends with how many files were read; the worst exit status wins.
 */
async function batch({ files, several }: Inputs, json: boolean, job: (file: string) => Promise<FileOutcome>): Promise<number> {
  let worst = 0;
  let failed = 0;
  for (const [i, file] of files.entries()) {
    if (several) (json ? warn : print)(LABELS.progress(i + 1, files.length, file));
    try {
      const outcome = await job(file);
      print(json ? JSON.stringify(outcome.json, null, several ? undefined : 2) : outcome.text);
      worst = Math.max(worst, outcome.exitCode);
    } catch (error) {
      const stop = stopError(error);
      failed++;
      if (json) print(JSON.stringify({ file, error: sentence(stop) }));
      warn(several && !sentence(stop).includes(file) ? LABELS.fileLine(file, sentence(stop)) : sentence(stop));
      debug(error);
      worst = Math.max(worst, stop.exitCode);
    }
  }
  if (several) (json ? warn : print)(LABELS.batchDone(files.length - failed, failed));
  return worst;
}

interface Inputs {
  files: string[];
  /** Several files or a folder: a batch, with a progress line per file. */
  several: boolean;
}

/** Files as given, a folder standing for its .xlsx and .xlsm files (not the summaries COMA wrote nor Excel's lock files). */
function inputs(args: string[]): Inputs {
  const files = args.flatMap((arg) => {
    if (!isFolder(arg)) return [arg];
    const files = fs
      .readdirSync(arg)
      .filter(
        (name) =>
          /\.xls[xm]$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".") && !/-tong-hop-btv-\d{4}\.xls[xm]$/i.test(name),
      )
      .sort((a, b) => a.localeCompare(b, "vi"))
      .map((name) => path.join(arg, name));
    if (files.length === 0) throw new CliError("empty-folder", { folder: arg });
    return files;
  });
  return { files, several: files.length > 1 || args.some(isFolder) };
}

function isFolder(arg: string): boolean {
  try {
    return fs.statSync(arg).isDirectory();
  } catch {
    return false;
  }
}

/** Prints the one sentence an error deserves and answers its exit status; a stack trace only with COMA_DEBUG. */
function explain(error: unknown): number {
  const stop = stopError(error);
  warn(sentence(stop));
  debug(error);
  return stop.exitCode;
}

function stopError(error: unknown): StopError {
  return error instanceof StopError ? error : fromSystemError(error);
}

/** The error's message as one line. */
function sentence(stop: StopError): string {
  return stop.message.replace(/\s*\n\s*/g, " ");
}

function debug(error: unknown): void {
  if (process.env.COMA_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

function fromSystemError(error: unknown): StopError {
  const { code, path: file = "" } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === "ENOENT" || code === "ENOTDIR") return new CliError("not-found", { file });
  if (code === "EACCES" || code === "EPERM") return new CliError("no-permission", { file });
  if (code === "EISDIR") return new CliError("is-directory", { file });
  const reason = error instanceof Error ? error.message : String(error);
  return new CliError("unexpected", { reason: reason.split("\n")[0] });
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

function warn(text: string): void {
  process.stderr.write(`${text}\n`);
}
