import { z } from "zod";
import { COMPONENT_STATUSES } from "@/publisher/state.mjs";

/**
 * Request bodies of the status publishing API. These check only the shape (which fields, of which
 * type); what a value may be (statuses, limits, times) is decided by the publisher, the one rulebook
 * both doors share, so the API and the backup CLI accept and refuse exactly the same inputs.
 */
export { COMPONENT_STATUSES };
const text = (what: string) => z.string({ message: `must be ${what}` });
const components = z.record(z.string(), z.string({ message: "must be a component status" }), { message: "must map component ids to statuses" });

export const startIncidentSchema = z.object({
  name: text("the incident's name"),
  impact: text("an impact").optional(),
  status: text("a status").optional(),
  body: text("the message customers will read"),
  components: components.optional(),
  postmortem: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a postmortem's slug").optional(),
});

export const incidentUpdateSchema = z.object({ status: text("a status").optional(), body: text("the message customers will read"), components: components.optional() });

export const maintenanceSchema = z.object({
  name: text("the maintenance's name"),
  body: text("the message customers will read"),
  scheduled_for: text("a date and time"),
  scheduled_until: text("a date and time"),
  components: z.array(z.string(), { message: "must be a list of component ids" }).default([]),
});

export const maintenanceUpdateSchema = z.object({ status: text("a maintenance status"), body: text("the message customers will read") });

export const bannerSchema = z.object({ text: z.string().default(""), level: text("info, warning or critical").optional() });

export const linkPostmortemSchema = z.object({ postmortem: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a postmortem's slug") });

export const previewSchema = z.discriminatedUnion("action", [
  startIncidentSchema.extend({ action: z.literal("start") }),
  incidentUpdateSchema.extend({ action: z.literal("update"), id: z.string().min(1) }),
  bannerSchema.extend({ action: z.literal("banner") }),
]);

export const subscribeSchema = z.object({
  kind: z.enum(["email", "webhook"]),
  target: z.string().trim().min(3).max(500),
  components: z.array(z.string().min(1).max(80)).max(200).default([]),
}).refine((s) => s.kind !== "email" || z.email().safeParse(s.target).success, { message: "must be an email address", path: ["target"] })
  // One inbox is one subscriber, however its address was typed.
  .transform((s) => (s.kind === "email" ? { ...s, target: s.target.toLowerCase() } : s));
