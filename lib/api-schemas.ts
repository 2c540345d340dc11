import { z } from "zod";
import { POSTMORTEM_STATUSES, postmortemSchema } from "./model";

const version = z.number({ message: "must be the version number you started editing from" }).int().positive();

/** PUT body: the postmortem as GET returned it, with `version` naming the version it was based on. */
export const updateIncidentSchema = postmortemSchema.extend({ version });
export const reviewSchema = z.object({ to: z.enum(POSTMORTEM_STATUSES), version });
export const restoreSchema = z.object({ restore: z.number().int().positive(), version });
