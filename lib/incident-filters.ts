import { z } from "zod";
import { ACTION_STATUSES, INCIDENT_STATUSES, POSTMORTEM_STATUSES, SEVERITIES } from "./model";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const day = z.iso.date({ message: "must be a date like 2019-07-02" });

/** The incident list's search and filters, as they appear in its URL (/incidents?q=waf&severity=SEV1). */
export const incidentFilterSchema = z.object({
  q: optional(z.string().trim().max(200)),
  severity: optional(z.enum(SEVERITIES)),
  status: optional(z.enum(INCIDENT_STATUSES)),
  postmortem: optional(z.enum(POSTMORTEM_STATUSES)),
  service: optional(z.string().trim().max(80)),
  from: optional(day),
  to: optional(day),
});
export type IncidentFilters = z.infer<typeof incidentFilterSchema>;

/** Every open action item across postmortems, narrowed by owner and status (/action-items?owner=alice&status=open). */
export const actionItemFilterSchema = z.object({
  owner: optional(z.string().trim().max(200)),
  status: optional(z.enum([...ACTION_STATUSES, "all"] as const)),
});
export type ActionItemFilters = z.infer<typeof actionItemFilterSchema>;

type Params = Record<string, string | string[] | undefined>;

/** Reads filters from a URL's parameters; a value that makes no sense is left out and named, never a failed page. */
export function readFilters<S extends z.ZodObject>(schema: S, params: Params): { filters: z.infer<S>; problems: string[] } {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const problems: string[] = [];
  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const one = (schema.shape[key] as z.ZodType).safeParse(flat[key]);
    if (one.success) clean[key] = one.data;
    else problems.push(`${key}: ${one.error.issues[0]?.message ?? "not understood"} (ignored)`);
  }
  return { filters: clean as z.infer<S>, problems };
}

/** The query string for a set of filters, leaving out the empty ones. */
export function filtersToQuery(filters: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}
