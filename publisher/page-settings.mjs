// @ts-check
import { PublishError } from "./apply.mjs";
import { LIMITS } from "./state.mjs";
import { zoneTable } from "./zone-table.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./apply.mjs").Context} Context */
/**
 * @typedef {{ name?: string, url?: string, time_zone?: string, description?: string, support_url?: string, privacy_url?: string,
 *   logo?: string, favicon?: string, accent?: string }} PageSettings
 */

/**
 * Images travel inside the one HTML response as data URIs, so they count against the page's first
 * 14 KB window; base64 barely compresses, hence the small limits.
 */
export const IMAGE_LIMITS = { logo: 8_000, favicon: 3_000 };
export const DESCRIPTION_MAX = 300;
const IMAGE_TYPES = ["image/png", "image/svg+xml", "image/jpeg", "image/webp"];

/** @param {string} field @param {unknown} value */
function text(field, value) {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new PublishError(field, "must be text");
  return value.trim();
}

/** An absolute http(s) address, or empty; anything else (javascript:, data:, relative) is refused. */
/** @param {string} field @param {unknown} value @param {boolean} required */
function webAddress(field, value, required) {
  const v = text(field, value);
  if (!v) {
    if (required) throw new PublishError(field, "an http(s) address is needed");
    return "";
  }
  let u;
  try {
    u = new URL(v);
  } catch {
    throw new PublishError(field, `"${v.slice(0, 60)}" is not an address; use one starting with https://`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new PublishError(field, `only http and https addresses are allowed, not ${u.protocol}`);
  if (v.length > 500) throw new PublishError(field, "longer than 500 characters");
  return u.href;
}

/** @param {string} zone */
function validZone(zone) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

/**
 * A data URI of a PNG, SVG, JPEG or WebP image whose bytes are what it says, within `limit` characters.
 * @param {string} field @param {unknown} value @param {number} limit
 */
export function checkImage(field, value, limit) {
  const v = text(field, value);
  if (!v) return "";
  if (v.length > limit) throw new PublishError(field, `the image is ${v.length} characters as a data URI; at most ${limit} fit in the page`);
  const m = /^data:([a-z+/]+);base64,([A-Za-z0-9+/]+={0,2})$/.exec(v);
  if (!m) throw new PublishError(field, "must be an image as a base64 data URI (data:image/png;base64,…)");
  const type = m[1];
  if (!IMAGE_TYPES.includes(type)) throw new PublishError(field, `${type} is not one of PNG, SVG, JPEG or WebP`);
  const bytes = Buffer.from(m[2], "base64");
  const head = bytes.subarray(0, 12);
  const ok = {
    "image/png": () => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    "image/jpeg": () => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
    "image/webp": () => head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WEBP",
    "image/svg+xml": () => /<svg[\s>]/.test(bytes.toString("utf8")),
  }[type];
  if (!ok?.()) throw new PublishError(field, `the data is not a ${type.replace("image/", "").replace("+xml", "").toUpperCase()} image`);
  return v;
}

/**
 * Changes how the page introduces itself. Only the fields given change; an empty string clears an
 * optional one. A new time zone recomputes the zone table, so publishes stay free of ICU.
 * @param {SiteState} state @param {PageSettings} input @param {Context} ctx
 * @returns {import("./apply.mjs").Change & { notes: string[] }}
 */
export function setPageSettings(state, input, ctx) {
  if (!input || typeof input !== "object") throw new PublishError("page", "must be an object of settings");
  const page = { ...state.page };
  /** @type {string[]} */
  const notes = [];
  const has = (/** @type {keyof PageSettings} */ k) => Object.prototype.hasOwnProperty.call(input, k) && input[k] !== undefined;
  if (has("name")) {
    const name = text("name", input.name);
    if (!name) throw new PublishError("name", "the page needs a name");
    if (name.length > LIMITS.name) throw new PublishError("name", `longer than ${LIMITS.name} characters`);
    page.name = name;
  }
  if (has("url")) page.url = webAddress("url", input.url, true).replace(/\/$/, "");
  if (has("time_zone")) {
    const zone = text("time_zone", input.time_zone);
    if (!validZone(zone)) throw new PublishError("time_zone", `"${zone}" is not a time zone; use a name like Europe/Berlin or UTC`);
    if (zone !== page.time_zone) {
      page.time_zone = zone;
      page.zone_table = zoneTable(zone);
    }
  }
  if (has("description")) {
    const d = text("description", input.description);
    if (d.length > DESCRIPTION_MAX) throw new PublishError("description", `longer than ${DESCRIPTION_MAX} characters`);
    page.description = d;
  }
  if (has("support_url")) page.support_url = webAddress("support_url", input.support_url, false);
  if (has("privacy_url")) page.privacy_url = webAddress("privacy_url", input.privacy_url, false);
  if (has("logo")) page.logo = checkImage("logo", input.logo, IMAGE_LIMITS.logo);
  if (has("favicon")) page.favicon = checkImage("favicon", input.favicon, IMAGE_LIMITS.favicon);
  if (has("accent")) {
    const a = text("accent", input.accent).toLowerCase();
    if (a && !/^#[0-9a-f]{6}$/.test(a)) throw new PublishError("accent", `"${a}" is not a colour like #1a73e8`);
    page.accent = a;
  }
  const before = /** @type {Record<string, unknown>} */ (state.page);
  const after = /** @type {Record<string, unknown>} */ (page);
  for (const k of ["name", "url", "time_zone", "description", "support_url", "privacy_url", "logo", "favicon", "accent"]) {
    if ((after[k] ?? "") === (before[k] ?? "")) continue;
    notes.push(k === "logo" || k === "favicon" ? (after[k] ? `change the ${k}` : `remove the ${k}`) : `set ${k.replace("_", " ")} to "${after[k] || "(none)"}"`);
  }
  if (!notes.length) return { state, incident: null, notes };
  return { state: { ...state, page: { ...page, updated_at: ctx.now } }, incident: null, notes };
}

/** The settings as an admin edits them. */
/** @param {SiteState} state @returns {Required<PageSettings> & { id: string }} */
export function pageSettings(state) {
  const p = state.page;
  return { id: p.id, name: p.name, url: p.url, time_zone: p.time_zone, description: p.description ?? "", support_url: p.support_url ?? "",
    privacy_url: p.privacy_url ?? "", logo: p.logo ?? "", favicon: p.favicon ?? "", accent: p.accent ?? "" };
}
