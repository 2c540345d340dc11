// @ts-check
/**
 * A zone's offsets from UTC over a span of years, found once with Intl when the site is created and
 * kept in state.json. Formatting times from it needs no ICU, which keeps a cold start of the backup
 * CLI fast; the text is exactly what Intl gives.
 * @typedef {[number, number, string]} Span [start in ms, offset in minutes, abbreviation]
 */

/** @param {string} zone */
function prober(zone) {
  const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  /** @param {number} ms @returns {[number, string]} */
  return (ms) => {
    /** @type {Record<string, string>} */
    const p = {};
    for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
    const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
    return [Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000), p.timeZoneName];
  };
}

/** @param {string} zone @param {number} [fromYear] @param {number} [toYear] @returns {Span[]} */
export function zoneTable(zone, fromYear = 2015, toYear = 2040) {
  const probe = prober(zone);
  const end = Date.UTC(toYear + 1, 0, 1);
  let at = Date.UTC(fromYear, 0, 1);
  let [offset, abbr] = probe(at);
  /** @type {Span[]} */
  const spans = [[at, offset, abbr]];
  // Zones do not change offset twice within two weeks, so sample fortnightly and search each change.
  const STEP = 14 * 86_400_000;
  for (let next = at + STEP; next < end + STEP; next += STEP) {
    const [o, a] = probe(Math.min(next, end));
    if (o === offset && a === abbr) continue;
    // Find the minute of the change within the fortnight.
    let lo = next - STEP, hi = Math.min(next, end);
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      const [mo, ma] = probe(mid);
      if (mo === offset && ma === abbr) lo = mid;
      else hi = mid;
    }
    spans.push([hi, o, a]);
    [offset, abbr] = [o, a];
  }
  spans.push([end, NaN, ""]);
  return spans;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (/** @type {number} */ n) => String(n).padStart(2, "0");

/** "Nov 25, 2020, 05:05 PST", or null when the instant is outside the table. */
/** @param {Span[]} table @param {number} ms */
export function formatFromTable(table, ms) {
  if (!table.length || ms < table[0][0] || ms >= table[table.length - 1][0]) return null;
  let lo = 0, hi = table.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (table[mid][0] <= ms) lo = mid;
    else hi = mid;
  }
  const [, offset, abbr] = table[lo];
  const d = new Date(Math.floor(ms / 60_000) * 60_000 + offset * 60_000);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${abbr}`;
}

/**
 * The UTC instant of a wall-clock time in the table's zone (ms since the epoch, read as if UTC), or
 * null outside the table. In a repeated hour the earlier instant is taken; in a skipped one, the
 * offset from before the change.
 * @param {Span[]} table @param {number} wallMs
 */
export function wallToInstant(table, wallMs) {
  for (let n = 0; n < table.length - 1; n++) {
    const [start, offset] = table[n];
    const utc = wallMs - offset * 60_000;
    if (utc >= start && utc < table[n + 1][0]) return utc;
  }
  for (let n = 0; n < table.length - 1; n++) if (wallMs - table[n][1] * 60_000 < table[n + 1][0]) return wallMs - table[n][1] * 60_000;
  return null;
}

/** "UTC−08:00" for an offset in minutes. */
/** @param {number} minutes */
export function offsetLabel(minutes) {
  const sign = minutes < 0 ? "\u2212" : "+";
  const m = Math.abs(minutes);
  return `UTC${sign}${two(Math.floor(m / 60))}:${two(m % 60)}`;
}

/** The zone's UTC offset in minutes at an instant, from the table; null outside it. */
/** @param {Span[]} table @param {number} ms */
export function offsetAt(table, ms) {
  if (!table.length || ms < table[0][0] || ms >= table[table.length - 1][0]) return null;
  let lo = 0;
  while (lo + 1 < table.length && table[lo + 1][0] <= ms) lo++;
  return table[lo][1];
}
