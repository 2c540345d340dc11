// @ts-check
/** `--help`: the runbook for posting when the app is down. Short enough to read at 5 a.m. */
export const RUNBOOK = `Sitrep backup publisher: tell customers what is happening when the app, its database
or its sign-in are down. Needs nothing but Node 18+: no install, no network, no database.

  node publisher/cli.mjs                 guided mode: one question at a time (start here)
  node publisher/cli.mjs COMMAND [flags] one-line mode for the practised

COMMANDS
  status        what the status site says now
  components    the page's components: ids (for --component), names, groups, status (--json)
  post          start an incident, or update an open one (--incident ID)
  resolve       resolve an open incident (--incident ID)
  banner        set the site-wide banner (--text, --level info|warning|critical), or --clear it
  maintenance   schedule maintenance, or move it on (--incident ID --status in_progress|verifying|completed)
  undo          roll back the last publish made with this tool
  keygen        create a signing key; every publish is then signed so the app can trust it
  drill         practise on a copy of the site; the live site is never touched

FLAGS
  --site DIR            the status site (default: $SITREP_SITE_DIR, else ./data/site)
  --name TEXT           title of a new incident or maintenance
  --status STATUS       investigating | identified | monitoring | resolved
  --message TEXT        what customers will read (Markdown: **bold**, lists, links)
  --component ID=STATUS repeatable; STATUS: operational | degraded_performance | partial_outage |
                        major_outage | under_maintenance
  --incident ID         the open incident to update (see "status"); "latest" = the newest open one
  --operator NAME       who is posting (default: $USER); recorded in the journal
  --mirror DIR          repeatable: write the same site to more places
  --after "COMMAND"     run after a successful write, e.g. an rsync to the CDN origin
  --yes                 publish without asking to confirm

EXAMPLES
  node publisher/cli.mjs status
  node publisher/cli.mjs post --name "Elevated errors" --status investigating \\
      --message "We are investigating." --component kinesis-data-streams=major_outage --yes
  node publisher/cli.mjs post --incident abc123def456 --status identified --message "Cause found." --yes
  node publisher/cli.mjs resolve --incident abc123def456 --message "All clear." --yes
  node publisher/cli.mjs drill --operator "$USER"

Settings can also live in SITE.d/config.json: {"operator", "mirrors": [...], "after": "...", "key": "path"}.
Every publish is journaled; the app takes these updates in (timeline included) when it comes back.
`;
