/** The browser UI shared by the task pane and the offline page (ui/README.md). */
export { h, replaceContent, uniqueId, type Child } from "./dom";
export { showLines, showMessages, type MessageKind, type MessageLine } from "./messages";
export { mountProgress, type Progress } from "./progress";
export { PAGE, renderProblems, type FixHandlers, type FixOutcome, type ProblemList, type ProblemListOptions } from "./problems";
export { checkLine, coverageLines, summaryLines, type SummaryWrittenInfo } from "./result";
export { describeRefusal } from "./refusals";
export { counted, text, UI_TEXT, type SharedText } from "./text";
export { COLLECT_TEXT, planLines } from "./collect-text";
