// @ts-check
import { parseArgs as parseNodeArgs } from "node:util";
import { COMMANDS, FLAGS } from "./cli-spec.mjs";

/** A mistake in the command line itself: exit status 2, nothing was read or written. */
export class UsageError extends Error {
  /** @param {string} message one line: what was wrong and what to type instead */
  constructor(message) {
    super(message);
    this.exitCode = 2;
  }
}

/** Edit distance, for "did you mean". */
/** @param {string} a @param {string} b */
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The valid word closest to what was typed, or null when nothing is close. */
/** @param {string} typed @param {string[]} valid */
export function nearest(typed, valid) {
  const t = typed.toLowerCase();
  const prefixed = valid.filter((v) => v.startsWith(t) || t.startsWith(v));
  if (prefixed.length === 1) return prefixed[0];
  const scored = valid.map((v) => ({ v, d: distance(t, v) })).sort((a, b) => a.d - b.d);
  return scored[0] && scored[0].d <= Math.max(2, Math.floor(t.length / 3)) ? scored[0].v : null;
}

/**
 * `COMMAND --flag value …` checked strictly against that command's flags (node:util parseArgs).
 * No command means guided mode; `help COMMAND` and `COMMAND --help` mean that command's help.
 * @param {string[]} argv
 * @returns {{ command: string|null, flags: Record<string, any> }}
 */
export function parseCommandLine(argv) {
  const options = Object.fromEntries(Object.entries(FLAGS).map(([k, f]) => [k, { type: f.type, ...(f.multiple ? { multiple: true } : {}), ...(f.short ? { short: f.short } : {}) }]));
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, options: /** @type {any} */ (options), allowPositionals: true, strict: false, tokens: true });
  } catch (err) {
    throw new UsageError(/** @type {Error} */ (err).message);
  }
  const [command = null, ...extra] = parsed.positionals;
  if (command !== null && !COMMANDS[command]) {
    const guess = nearest(command, Object.keys(COMMANDS));
    throw new UsageError(`unknown command "${command}"${guess ? `; did you mean "${guess}"?` : ""} (run with --help for the list)`);
  }
  const allowed = command ? COMMANDS[command].flags : ["site", "operator", "help"];
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    const shown = token.rawName;
    if (!allowed.includes(token.name)) {
      const guess = nearest(token.name, allowed);
      const where = command ? `"${command}"` : "guided mode";
      throw new UsageError(`${shown} is not a flag of ${where}${guess ? `; did you mean --${guess}?` : ""} (${command ?? ""} --help lists them)`.replace("( --help", "(--help"));
    }
    const spec = FLAGS[token.name];
    if (spec.type === "string" && token.value === undefined) throw new UsageError(`${shown} needs a value, e.g. ${shown} ${spec.arg ?? "VALUE"}`);
    if (spec.type === "boolean" && token.inlineValue !== undefined && token.inlineValue) throw new UsageError(`${shown} takes no value; write just ${shown}`);
  }
  if (command === "help") {
    if (extra.length > 1 || (extra[0] && !COMMANDS[extra[0]])) {
      const guess = extra[0] ? nearest(extra[0], Object.keys(COMMANDS)) : null;
      throw new UsageError(`no command "${extra.join(" ")}" to explain${guess ? `; did you mean "help ${guess}"?` : ""}`);
    }
    return { command: extra[0] ?? null, flags: { help: true } };
  }
  if (extra.length) {
    throw new UsageError(`unexpected "${extra[0]}"; put text in quotes after its flag, e.g. --message "${extra.join(" ")}"`);
  }
  return { command, flags: parsed.values };
}

/** One command's help: what it does, its flags, two examples. */
/** @param {string} command */
export function commandHelp(command) {
  const c = COMMANDS[command];
  const lines = c.flags.map((name) => {
    const f = FLAGS[name];
    const left = `--${name}${f.arg ? ` ${f.arg}` : ""}${f.short ? `, -${f.short}` : ""}`;
    return `  ${left.padEnd(24)} ${c.flagHelp?.[name] ?? f.help}`;
  });
  return [`sitrep ${command}: ${c.summary}`, "", "FLAGS", ...lines, "", "EXAMPLES", ...c.examples.map((e) => `  node publisher/cli.mjs ${e}`), ""].join("\n");
}

/**
 * Picks one of `choices` by what a person typed: an exact id or name (any case), else the only one
 * it starts or is contained in. None or several is an error that names the choices.
 * @template T
 * @param {string} what e.g. "component" @param {string} typed @param {T[]} choices @param {(c: T) => string[]} keys
 * @param {(c: T) => string} label
 * @returns {T}
 */
export function matchOne(what, typed, choices, keys, label) {
  const t = typed.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  const norm = (/** @type {string} */ s) => s.toLowerCase().replace(/[\s_-]+/g, " ");
  const exact = choices.filter((c) => keys(c).some((k) => norm(k) === t));
  if (exact.length === 1) return exact[0];
  const partial = exact.length ? exact : choices.filter((c) => keys(c).some((k) => norm(k).startsWith(t) || (t.length >= 3 && norm(k).includes(t))));
  if (t && partial.length === 1) return partial[0];
  if (t && partial.length > 1) throw new UsageError(`"${typed}" could be ${partial.map(label).join(" or ")}; type one of those`);
  const guess = nearest(t, choices.flatMap(keys).map(norm));
  throw new UsageError(`no ${what} "${typed}"${guess ? `; did you mean "${guess}"?` : ""} (choose from ${choices.map(label).join(", ")})`);
}

/** How people say component statuses: the full name, a first word, or a common word for it. */
const STATUS_WORDS = [
  { status: "operational", words: ["operational", "ok", "up", "fine", "fixed"] },
  { status: "degraded_performance", words: ["degraded_performance", "degraded", "slow"] },
  { status: "partial_outage", words: ["partial_outage", "partial"] },
  { status: "major_outage", words: ["major_outage", "major", "down", "outage"] },
  { status: "under_maintenance", words: ["under_maintenance", "maintenance"] },
];

/** A component status as a person types it: `partial` -> partial_outage. */
/** @param {string} typed */
export function componentStatus(typed) {
  return matchOne("component status", typed, STATUS_WORDS, (s) => s.words, (s) => s.status).status;
}

/** An incident status, accepting a start of the word ("ident" -> identified). */
/** @param {string} typed @param {string[]} statuses */
export function incidentStatus(typed, statuses) {
  return matchOne("status", typed, statuses, (s) => [s], (s) => s);
}

/**
 * `--component api=partial` (repeatable) -> [["api", "partial_outage"]]; the component itself is
 * matched against the site when publishing (see resolveComponents).
 * @param {string[]|undefined} list
 * @returns {[string, string][]}
 */
export function componentFlags(list) {
  return (list ?? []).map((item) => {
    const eq = item.lastIndexOf("=");
    const key = eq === -1 ? "" : item.slice(0, eq).trim();
    const status = eq === -1 ? "" : item.slice(eq + 1).trim();
    if (!key || !status) throw new UsageError(`--component "${item}" must look like NAME=STATUS, e.g. --component cognito=partial`);
    return [key, componentStatus(status)];
  });
}

/**
 * Matches typed component names to the site's components (id, slug or name, any case).
 * @param {import("./state.mjs").SiteState} state @param {[string, string][]} pairs @returns {Record<string, string>}
 */
export function resolveComponents(state, pairs) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [key, status] of pairs) {
    const c = matchOne("component", key, state.components, (x) => [x.id, x.slug, x.name], (x) => x.slug);
    out[c.id] = status;
  }
  return out;
}
