// @ts-check
/** Flags that may be given more than once. */
const REPEATABLE = new Set(["component", "mirror"]);
const BOOLEAN = new Set(["yes", "help", "clear", "json"]);

/**
 * Parses `command --flag value --flag=value --yes` into a command and flags; repeatable flags collect arrays.
 * @param {string[]} argv
 * @returns {{ command: string|null, flags: Record<string, string|string[]|boolean>, rest: string[] }}
 */
export function parseArgs(argv) {
  /** @type {Record<string, string|string[]|boolean>} */
  const flags = {};
  const rest = [];
  let command = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h") { flags.help = true; continue; }
    if (arg === "-y") { flags.yes = true; continue; }
    if (!arg.startsWith("--")) {
      if (command === null) command = arg;
      else rest.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    let value = eq === -1 ? undefined : arg.slice(eq + 1);
    if (BOOLEAN.has(name)) { flags[name] = true; continue; }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
    }
    if (REPEATABLE.has(name)) flags[name] = [...(/** @type {string[]} */ (flags[name] ?? [])), value];
    else flags[name] = value;
  }
  return { command, flags, rest };
}

/** `--component api=major_outage` (repeatable) -> { api: "major_outage" } */
/** @param {string[]|undefined} list */
export function componentFlags(list) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const item of list ?? []) {
    const [key, status] = item.split("=");
    if (!key || !status) throw new Error(`--component "${item}" must look like name=status, e.g. kinesis-data-streams=major_outage`);
    out[key.trim()] = status.trim();
  }
  return out;
}
