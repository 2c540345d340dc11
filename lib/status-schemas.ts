import { z } from "zod";

/** Request bodies of the status publishing API; the publisher checks the same rules again for the CLI. */
export const COMPONENT_STATUSES = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"] as const;
const components = z.record(z.string().min(1).max(80), z.enum(COMPONENT_STATUSES, { message: `must be one of ${COMPONENT_STATUSES.join(", ")}` }));
const body = z.string().trim().min(1, "the message must not be empty").max(10_000, "longer than 10000 characters");
const status = z.enum(["investigating", "identified", "monitoring", "resolved"]);

export const startIncidentSchema = z.object({
  name: z.string().trim().min(1, "an incident needs a name").max(200),
  impact: z.enum(["none", "minor", "major", "critical"]).optional(),
  status: status.default("investigating"),
  body,
  components: components.optional(),
  postmortem: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
});

export const incidentUpdateSchema = z.object({ status: status.optional(), body, components: components.optional() });

export const maintenanceSchema = z.object({
  name: z.string().trim().min(1).max(200),
  body,
  scheduled_for: z.iso.datetime({ offset: true }),
  scheduled_until: z.iso.datetime({ offset: true }),
  components: z.array(z.string().min(1)).default([]),
});

export const maintenanceUpdateSchema = z.object({ status: z.enum(["scheduled", "in_progress", "verifying", "completed"]), body });

export const bannerSchema = z.object({ text: z.string().max(500).default(""), level: z.enum(["info", "warning", "critical"]).default("info") });

export const linkPostmortemSchema = z.object({ postmortem: z.string().regex(/^[a-z0-9][a-z0-9-]*$/) });

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
