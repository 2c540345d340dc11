import "server-only";
import { maintenance, postUpdate, setBanner, startIncident, PublishError } from "@/publisher/apply.mjs";
import type { Operation } from "@/publisher/publish.mjs";
import type { z } from "zod";
import type { bannerSchema, incidentUpdateSchema, maintenanceSchema, maintenanceUpdateSchema, startIncidentSchema } from "@/lib/status-schemas";

/** Validated API input -> the publisher operation that applies it (the same operations the CLI uses). */
export function need<T>(found: T | null, id: string): T {
  if (!found) throw new PublishError("id", `no incident "${id}" on the status site`);
  return found;
}

export const ops = {
  start: (input: z.infer<typeof startIncidentSchema>): Operation => (s, ctx) => startIncident(s, input, ctx),
  update: (id: string, input: z.infer<typeof incidentUpdateSchema>): Operation => (s, ctx, find) => postUpdate(s, need(find(id), id), input, ctx),
  maintenance: (input: z.infer<typeof maintenanceSchema>): Operation => (s, ctx) => maintenance(s, null, input, ctx),
  maintenanceUpdate: (id: string, input: z.infer<typeof maintenanceUpdateSchema>): Operation => (s, ctx, find) => maintenance(s, need(find(id), id), input, ctx),
  banner: (input: z.infer<typeof bannerSchema>): Operation => (s, ctx) => setBanner(s, input, ctx),
};
