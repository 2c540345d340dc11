// npm run bench: every figure is the median of several runs; nothing here passes or fails.
import { printTable } from "./lib.mjs";
import { startupRows } from "./startup.mjs";
import { editorRows } from "./editor.mjs";
import { cascadeRows } from "./cascade.mjs";
import { statusRows } from "./status.mjs";
import { statusPageRows } from "./status-page.mjs";
import { cliRows } from "./cli.mjs";
import { statusPathRows } from "./status-path.mjs";
import { importRows } from "./import.mjs";
import { securityRows } from "./security.mjs";
import { listRows } from "./lists.mjs";
import { frontRows } from "./front.mjs";
import { disclosureRows } from "./disclosure.mjs";
import { insightsRows } from "./insights.mjs";
import { buildIfNeeded } from "../scripts/build-if-needed.mjs";

const only = process.argv[2];
const suites = { startup: startupRows, editor: async () => (buildIfNeeded(), editorRows()),
  cascade: async () => (buildIfNeeded(), cascadeRows()),
  status: async () => (buildIfNeeded(), statusRows()),
  "status-path": async () => (buildIfNeeded(), statusPathRows()),
  cli: () => cliRows(),
  "status-page": async () => statusPageRows(),
  import: () => importRows(),
  security: () => securityRows(),
  lists: () => listRows(),
  front: async () => (buildIfNeeded(), frontRows()),
  disclosure: () => disclosureRows(),
  insights: async () => (buildIfNeeded(), insightsRows()),
};
const rows = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.error(`running ${name}…`);
  rows.push(...(await suite()));
}
printTable(rows);
