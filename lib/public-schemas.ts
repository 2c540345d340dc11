import { z } from "zod";
import { DECISIONS } from "./review-rules";
import { TEXT_LIMITS } from "./model";

const version = z.number({ message: "must be the version number you started from" }).int().nonnegative();

export const publicDraftSchema = z.object({
  /** Positions of the action items marked public. */
  actionItems: z.array(z.number().int().nonnegative()).max(500).default([]),
});

export const publicSaveSchema = z.object({
  title: z.string().trim().min(1, "the public title must not be empty").max(300, "the public title is at most 300 characters"),
  body: z.string().max(TEXT_LIMITS.section, `the public text is at most ${TEXT_LIMITS.section.toLocaleString("en-US")} characters`),
  version,
});

export const acceptFindingSchema = z.object({ key: z.string().min(1, "name the finding to accept").max(2000) });

export const publicPublishSchema = z.object({
  version: version.min(1, "save the public version before publishing it"),
  statusIncident: z.string().min(1, "choose the status incident the postmortem belongs to").max(100),
  notify: z.boolean().default(false),
});

export const reviewersSchema = z.object({
  reviewers: z.array(z.string().trim().toLowerCase().max(200).regex(/^[^\s@]+@[^\s@]+$/, "each reviewer must be an email address")).min(1, "name at least one reviewer").max(20),
});

export const decisionSchema = z.object({ decision: z.enum(DECISIONS), version: version.min(1) });

/** Where a comment is anchored: a section of the postmortem, a timeline event by its instant, or the public version. */
export const commentAnchor = z.string().regex(/^(section:[a-z_]+|event:\d{4}-\d\d-\d\dT[\d:.]+Z|public)$/, "must be a section (section:summary), a timeline event (event:<instant>) or public");

export const commentSchema = z.object({
  anchor: commentAnchor,
  body: z.string().trim().min(1, "the comment must not be empty").max(5_000, "a comment is at most 5,000 characters"),
  parentId: z.number().int().positive().nullable().default(null),
});

export const resolveThreadSchema = z.object({ resolved: z.boolean() });

export const reviewPolicySchema = z.object({
  requiredApprovals: z.number().int().min(0, "approvals must be 0 or more").max(10, "at most 10 approvals"),
  deadlineDays: z.object({
    SEV1: z.number().int().min(1).max(60), SEV2: z.number().int().min(1).max(60),
    SEV3: z.number().int().min(1).max(60), SEV4: z.number().int().min(1).max(60),
  }),
});
