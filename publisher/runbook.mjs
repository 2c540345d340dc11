// @ts-check
/** `--help`: the runbook for posting when the app is down. Short enough to read at 5 a.m. */
export const RUNBOOK = `Sitrep backup publisher: tell customers what is happening when the app, its database
or its sign-in are down. Needs nothing but Node 18+: no install, no network, no database.

  node publisher/cli.mjs                 guided mode: one question at a time (start here)
  node publisher/cli.mjs COMMAND [flags] one-line mode for the practised
  node publisher/cli.mjs COMMAND --help  that command's flags and examples

COMMANDS
  status        what the status site says now
  components    the page's components: ids (for --component), names, groups, status (--json)
  post          start an incident, or update an open one (--incident ID)
  resolve       resolve an open incident (--incident ID)
  banner        set the banner on every page (--text, --level info|warning|critical), or --clear it
  maintenance   schedule maintenance, or move it on (--incident ID --status in_progress|verifying|completed)
  edit          fix the wording of a published update, open or resolved (--incident ID --message)
  history       recent publishes, numbered: who, when, from where, what changed
  rollback      publish again what the site said after publish N (--to N), after showing the difference
  undo          take back your own latest publish, after showing what customers will see again
  adopt         turn a plain copy of the public site (CDN, mirror) into a working site (--from DIR --site NEW)
  keygen        create a signing key; every publish is then signed so the app can trust it
  drill         practise on a copy of the site (drill --list); the live site is never touched

COMMON FLAGS
  --site DIR            the status site (default: $SITREP_SITE_DIR, else ./data/site)
  --operator NAME       who is posting (default: the site's config, else $USER; asked when unknown)
  --component ID=STATUS repeatable; ID, slug or name in any case; STATUS: operational, degraded,
                        partial, major or maintenance (full names work too)
  --incident ID         the incident (see "status"); "latest" = the newest open one
  --mirror DIR          repeatable: write the same site to more places
  --after "COMMAND"     run after a successful write, e.g. an rsync to the CDN origin
  --yes                 publish without asking to confirm

EXAMPLES
  node publisher/cli.mjs status
  node publisher/cli.mjs post --name "Elevated errors" --status investigating \\
      --message "We are investigating." --component kinesis-data-streams=major --yes
  node publisher/cli.mjs post --incident latest --status identified --message "Cause found." --yes
  node publisher/cli.mjs resolve --incident latest --message "All clear." --yes
  node publisher/cli.mjs edit --incident latest --message "Corrected wording."
  node publisher/cli.mjs drill --list

EXIT STATUS  0 published; 1 refused or declined (the live site is unchanged); 2 a mistake in the
             command line; 4 published, but a mirror or the after-command failed.

Settings can also live in SITE.d/config.json: {"operator", "mirrors": [...], "after": "...", "key": "path",
  "bucket": {"endpoint": "https://...", "bucket": "name", "region", "prefix"}}. The app publishes to the same
  targets. Bucket keys come from $SITREP_BUCKET_ACCESS_KEY_ID and $SITREP_BUCKET_SECRET_ACCESS_KEY.
Every publish is journaled; the app takes these updates and corrections in (timeline included) when it comes back.
`;
