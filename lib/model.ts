import { z } from "zod";

/** Enumerations of the domain; every schema and page draws its choices from here. */
export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export const POSTMORTEM_STATUSES = ["draft", "in_review", "published"] as const;
export const MILESTONES = [
  "trigger",
  "impact_start",
  "detected",
  "identified",
  "mitigated",
  "impact_end",
  "resolved",
] as const;
export const CAUSE_KINDS = ["trigger", "root_cause", "contributing"] as const;
export const CONDITIONS = ["degraded", "partial", "major"] as const;
export const EVENT_KINDS = [
  "event",
  "trigger",
  "detection",
  "diagnosis",
  "action",
  "communication",
  "impact_start",
  "impact_end",
  "recovery",
  "milestone",
] as const;
export const ACTION_TYPES = ["prevent", "mitigate", "detect", "repair", "process", "investigate"] as const;
export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
export const LESSON_KINDS = ["went_well", "went_wrong", "got_lucky"] as const;
export const ROLES = ["viewer", "editor", "responder", "admin"] as const;

export type Milestone = (typeof MILESTONES)[number];
export type Role = (typeof ROLES)[number];

export const MILESTONE_LABELS: Record<Milestone, string> = {
  trigger: "Trigger",
  impact_start: "Impact start",
  detected: "Detected",
  identified: "Root cause identified",
  mitigated: "Mitigated",
  impact_end: "Impact end",
  resolved: "Resolved",
};

const slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and hyphens");
/** A UTC instant in ISO 8601 with a Z suffix, e.g. 2020-11-25T13:15:00.000Z. */
const instant = z.iso.datetime({ message: "must be an ISO 8601 UTC instant" });
const serviceList = z.array(slug).default([]);

/**
 * Limits per Markdown field, in characters, sized from real postmortems: a long section is a few
 * thousand characters, a timeline entry a paragraph. They keep every document quick to format.
 */
export const TEXT_LIMITS = { section: 30_000, supporting: 100_000, event: 5_000, cause: 10_000, lesson: 5_000, timeline: 5_000 } as const;
const text = (max: number) => z.string().max(max, `must be at most ${max.toLocaleString("en-US")} characters`);

export const timelineEventSchema = z.object({
  at: instant,
  kind: z.enum(EVENT_KINDS).default("event"),
  actor: z.string().max(200).default(""),
  text: text(TEXT_LIMITS.event).min(1, "must not be empty"),
  services: serviceList,
  source: z.string().max(200).default(""),
});

export const causeSchema = z.object({
  kind: z.enum(CAUSE_KINDS),
  text: text(TEXT_LIMITS.cause).min(1, "must not be empty"),
  services: serviceList,
  /** Timeline events this cause is linked to, by their instant. */
  events: z.array(instant).default([]),
  /** Tags from the cause taxonomy (server/cause-tags), confirmed by a person; suggestions are never applied alone. */
  tags: z.array(slug).max(10, "at most 10 tags").default([]),
});

export const impactWindowSchema = z
  .object({
    service: slug,
    condition: z.enum(CONDITIONS),
    start: instant,
    end: instant.nullable().default(null),
    origin: z.boolean().default(false),
  })
  .refine((w) => w.end === null || w.end >= w.start, {
    message: "end must not be before start",
    path: ["end"],
  });

export const actionItemSchema = z.object({
  title: z.string().min(1, "must not be empty").max(500),
  type: z.enum(ACTION_TYPES),
  priority: z.enum(PRIORITIES).default("P2"),
  owner: z.string().max(200).default(""),
  due: z.iso.date().nullable().default(null),
  status: z.enum(ACTION_STATUSES).default("open"),
  tracker: z.string().max(2000).default(""),
  /** The day it was done or dropped; stamped when its status becomes done or won't do (lib/follow-ups stampClosed). */
  closed: z.iso.date({ message: "must be a date like 2021-03-01" }).nullable().default(null),
  /** The cause it addresses, by its place in the postmortem's list of causes (so its tags and services). */
  addresses: z.number().int().min(0).nullable().default(null),
});

export const lessonSchema = z.object({
  kind: z.enum(LESSON_KINDS),
  text: text(TEXT_LIMITS.lesson).min(1, "must not be empty"),
});

export const postmortemSchema = z.object({
  slug,
  title: z.string().min(1, "must not be empty").max(300),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  postmortemStatus: z.enum(POSTMORTEM_STATUSES).default("draft"),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as America/Los_Angeles"),
  milestones: z.partialRecord(z.enum(MILESTONES), instant).default({}),
  summary: text(TEXT_LIMITS.section).default(""),
  impact: text(TEXT_LIMITS.section).default(""),
  resolution: text(TEXT_LIMITS.section).default(""),
  detection: text(TEXT_LIMITS.section).default(""),
  supporting: text(TEXT_LIMITS.supporting).default(""),
  causes: z.array(causeSchema).default([]),
  impactWindows: z.array(impactWindowSchema).default([]),
  actionItems: z.array(actionItemSchema).default([]),
  lessons: z.array(lessonSchema).default([]),
  timeline: z.array(timelineEventSchema).max(TEXT_LIMITS.timeline, `at most ${TEXT_LIMITS.timeline.toLocaleString("en-US")} events`).default([]),
});

export type Postmortem = z.infer<typeof postmortemSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type Cause = z.infer<typeof causeSchema>;
export type ImpactWindow = z.infer<typeof impactWindowSchema>;
export type ActionItem = z.infer<typeof actionItemSchema>;
export type Lesson = z.infer<typeof lessonSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** Formats a zod error so every message names the field it is about. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "(body)";
    return `${field}: ${issue.message}`;
  });
}
