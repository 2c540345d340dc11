// @ts-check
/**
 * Every command of the backup publisher and the flags it takes: the one list that argument checking,
 * per-command help and suggestions read.
 * @typedef {{ type: "string"|"boolean", multiple?: boolean, short?: string, arg?: string, help: string }} Flag
 * @typedef {{ summary: string, flags: string[], examples: string[], flagHelp?: Record<string, string> }} Command
 */

/** @type {Record<string, Flag>} */
export const FLAGS = {
  site: { type: "string", arg: "DIR", help: "the status site (default: $SITREP_SITE_DIR, else ./data/site)" },
  operator: { type: "string", arg: "NAME", help: "who is publishing; recorded in the journal (remembered in SITE.d/config.json)" },
  help: { type: "boolean", short: "h", help: "this command's help" },
  yes: { type: "boolean", short: "y", help: "publish without asking to confirm" },
  mirror: { type: "string", multiple: true, arg: "DIR", help: "repeatable: write the same site to more places" },
  after: { type: "string", arg: '"COMMAND"', help: "run after a successful write, e.g. an rsync to the CDN origin" },
  name: { type: "string", arg: "TEXT", help: "title customers see" },
  status: { type: "string", arg: "STATUS", help: "investigating | identified | monitoring | resolved (maintenance: scheduled | in_progress | verifying | completed)" },
  impact: { type: "string", arg: "LEVEL", help: "none | minor | major | critical (default: from the worst component)" },
  message: { type: "string", arg: "TEXT", help: "what customers will read (Markdown: **bold**, lists, links)" },
  component: { type: "string", multiple: true, arg: "ID=STATUS", help: "repeatable; ID, slug or name (any case); STATUS: operational | degraded | partial | major | maintenance (or the full name)" },
  incident: { type: "string", arg: "ID", help: 'the incident (see "status" or "history"); "latest" = the newest open one' },
  update: { type: "string", arg: "ID", help: 'which of its updates (default: the newest); "history" and "status" show ids' },
  text: { type: "string", arg: "TEXT", help: "the banner's text" },
  level: { type: "string", arg: "LEVEL", help: "info | warning | critical" },
  clear: { type: "boolean", help: "remove the banner" },
  from: { type: "string", arg: "TIME", help: "start, e.g. 2026-12-01T02:00:00Z or 2026-12-01 02:00 in the page's time zone" },
  until: { type: "string", arg: "TIME", help: "end, same forms as --from" },
  to: { type: "string", arg: "N", help: 'the publish to go back to: its number in "history"' },
  limit: { type: "string", arg: "N", help: "how many publishes to list (default 20)" },
  scenario: { type: "string", arg: "ID|FILE", help: 'which scenario (see "drill --list"; default: kinesis)' },
  list: { type: "boolean", help: "list the drill scenarios" },
  sandbox: { type: "string", arg: "DIR", help: "where the practice copy goes (default: a new temporary folder)" },
  json: { type: "boolean", help: "print machine-readable JSON" },
};

const COMMON = ["site", "operator", "help"];
const PUBLISHING = [...COMMON, "yes", "mirror", "after"];

/** @type {Record<string, Command>} */
export const COMMANDS = {
  status: { summary: "what the status site says now", flags: [...COMMON, "json"], examples: ["status", "status --site /srv/status/site"] },
  components: { summary: "the page's components: ids, names, groups, descriptions, current status", flags: [...COMMON, "json"], examples: ["components", "components --json"] },
  post: {
    summary: "start an incident, or update an open one (--incident ID)",
    flags: [...PUBLISHING, "name", "status", "impact", "message", "component", "incident"],
    examples: ['post --name "Sign-in failing" --status investigating --component cognito=major --message "We are investigating." --yes',
      'post --incident latest --status identified --message "Cause found; fix rolling out." --yes'],
  },
  resolve: {
    summary: "resolve an open incident; its components go back to operational",
    flags: [...PUBLISHING, "incident", "message", "component"],
    examples: ['resolve --incident latest --message "All clear." --yes', "resolve --incident abc123def456"],
  },
  banner: {
    summary: "set the banner on every page (--text, --level), or --clear it",
    flags: [...PUBLISHING, "text", "level", "clear"],
    examples: ['banner --text "Sign-in is failing; sessions already open keep working." --level warning --yes', "banner --clear --yes"],
  },
  maintenance: {
    summary: "schedule maintenance, or move it on (--incident ID --status in_progress|verifying|completed)",
    flags: [...PUBLISHING, "name", "message", "from", "until", "component", "incident", "status"],
    examples: ['maintenance --name "Database upgrade" --from "2026-12-01 02:00" --until "2026-12-01 03:00" --component api --message "Brief read-only period."',
      'maintenance --incident abc123def456 --status completed --message "Done."'],
  },
  edit: {
    summary: "fix the wording of a published update (open or resolved incident) and republish",
    flags: [...PUBLISHING, "incident", "update", "message"],
    examples: ['edit --incident latest --message "Sign-in is failing for some customers in us-east-1."', 'edit --incident abc123def456 --update x9y8z7w6v5u4 --message "Corrected wording." --yes'],
  },
  history: { summary: "recent publishes: number, time, who, from where, what changed", flags: [...COMMON, "limit", "json"], examples: ["history", "history --limit 50"] },
  rollback: {
    summary: "publish again what the site said after publish N (see history), after showing the difference",
    flags: [...PUBLISHING, "to"],
    examples: ["rollback --to 12", "rollback --to 12 --yes"],
  },
  undo: { summary: "take back your own latest publish, after showing what customers will see again", flags: PUBLISHING, examples: ["undo", "undo --operator Sam --yes"] },
  adopt: {
    summary: "turn a plain copy of the public site (from the CDN or a mirror) into a working site",
    flags: ["site", "operator", "help", "from", "yes"],
    flagHelp: { from: "the folder holding the copy (index.html, state.json, state/bucket-*.json, incidents/…)", site: "where the working site is made (must not exist yet)" },
    examples: ["adopt --from ./downloaded-status-site --site /srv/status/site", "adopt --from /mnt/mirror/site --site ./site --yes"],
  },
  keygen: { summary: "create a signing key; every publish is then signed so the app can trust it", flags: COMMON, examples: ["keygen", "keygen --site /srv/status/site"] },
  drill: {
    summary: "practise on a copy of the site; the live site is never touched",
    flags: [...COMMON, "scenario", "list", "sandbox"],
    examples: ["drill --list", "drill --scenario status-host-down"],
  },
  help: { summary: "the runbook, or one command's help: help COMMAND", flags: COMMON, examples: ["help", "help post"] },
};
