import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import { isLocalName, isPublicAddress } from "./ip-ranges";

export const SIGNATURE_HEADER = "x-sitrep-signature";

/** HMAC-SHA256 of the exact body sent, so receivers can check it came from us and was not changed. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface Page { id: string; name: string; url: string }
export interface Indicator { indicator: string; description: string }

/** Statuspage's webhook shape for an incident update: meta, page (with the status indicator) and the incident. */
export function incidentPayload(page: Page, status: Indicator, incident: unknown, unsubscribe: string) {
  return {
    meta: { unsubscribe, documentation: `${page.url.replace(/\/$/, "")}/index.html` },
    page: { id: page.id, status_indicator: status.indicator, status_description: status.description },
    incident,
  };
}

/** Statuspage's webhook shape for a component changing status. */
export function componentPayload(page: Page, status: Indicator, change: { code: string; old_status: string; new_status: string }, component: unknown, at: string, unsubscribe: string) {
  return {
    meta: { unsubscribe, documentation: `${page.url.replace(/\/$/, "")}/index.html` },
    page: { id: page.id, status_indicator: status.indicator, status_description: status.description },
    component_update: { created_at: at, new_status: change.new_status, old_status: change.old_status, id: `${change.code}-${at}`, component_id: change.code },
    component,
  };
}

/** Whether a subscriber asked for any of these components (an empty choice means all). */
export function wants(subscribed: string[], components: string[]): boolean {
  return subscribed.length === 0 || components.some((c) => subscribed.includes(c));
}

/** Webhook targets must be http(s); private, loopback and metadata hosts only when explicitly allowed. */
export function webhookProblem(target: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return "target: not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "target: must be an http or https URL";
  if (url.username || url.password) return "target: must not contain a user name or password";
  if (!allowPrivate && !hostMayBePublic(url.hostname)) return "target: private and loopback addresses are not allowed";
  return null;
}

/**
 * What can be said about a host before resolving it: an IP address must be public, and a name must
 * not be one that always means this machine or a metadata service. Names are checked again, on the
 * address they resolve to, when each delivery connects.
 */
export function hostMayBePublic(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host)) return isPublicAddress(host);
  return !isLocalName(host);
}
