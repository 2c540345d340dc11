import { z } from "zod";
import { POSTMORTEM_STATUSES, ROLES, postmortemSchema } from "./model";

const version = z.number({ message: "must be the version number you started editing from" }).int().positive();

/** PUT body: the postmortem as GET returned it, with `version` naming the version it was based on. */
export const updateIncidentSchema = postmortemSchema.extend({ version });
export const reviewSchema = z.object({ to: z.enum(POSTMORTEM_STATUSES), version });
export const restoreSchema = z.object({ restore: z.number().int().positive(), version });

const role = z.enum(ROLES);
export const newUserSchema = z.object({
  email: z.email("must be an email address").max(200),
  name: z.string().max(200).default(""),
  role,
  password: z.string().min(10, "must be at least 10 characters").max(200).optional(),
});
export const setRoleSchema = z.object({ role });
export const newTokenSchema = z.object({ name: z.string().min(1, "must not be empty").max(100), role });

/** JSON.parse with an error that says where the text stops being JSON. */
export function parseJsonText(text: string): { ok: true; data: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (err) {
    return { ok: false, problem: `body: not valid JSON (${(err as Error).message})` };
  }
}

/** POST /api/incidents/import query: `preview=1` reads without saving; `name` is the file's name (its source key). */
export const importQuerySchema = z.object({
  preview: z.enum(["1", "0", "true", "false"], { message: "must be 1 or 0" }).optional().transform((v) => v === "1" || v === "true"),
  name: z.string().min(1, "must not be empty").max(300, "must be at most 300 characters").optional(),
});
