import { z } from "zod";
import { POSTMORTEM_STATUSES, ROLES, postmortemSchema } from "./model";
import { passwordProblem } from "./password";

const version = z.number({ message: "must be the version number you started editing from" }).int().positive();

/** PUT body: the postmortem as GET returned it, with `version` naming the version it was based on. */
export const updateIncidentSchema = postmortemSchema.extend({ version });
export const reviewSchema = z.object({ to: z.enum(POSTMORTEM_STATUSES), version });
export const restoreSchema = z.object({ restore: z.number().int().positive(), version });

const role = z.enum(ROLES);
function checkPassword(value: string | undefined, ctx: z.RefinementCtx) {
  const problem = value === undefined ? null : passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}
const newPassword = z.string({ message: "must be text" }).superRefine(checkPassword);
export const newUserSchema = z.object({
  email: z.email("must be an email address").max(200),
  name: z.string().max(200).default(""),
  role,
  password: z.string().optional().superRefine(checkPassword),
});
export const setRoleSchema = z.object({ role });
/** An admin changes someone's role, disables or enables them, or sets a new password for them. */
export const updateUserSchema = z.object({
  role: role.optional(), disabled: z.boolean().optional(), password: newPassword.optional(),
  /** Sets a generated password, returned once in the answer. */
  resetPassword: z.literal(true).optional(),
}).refine((b) => Object.values(b).some((v) => v !== undefined), { message: "body: give a role, disabled, password or resetPassword" });
/** A person changes their own password, proving they know the current one. */
export const changePasswordSchema = z.object({ current: z.string({ message: "must be your current password" }).min(1, "must be your current password").max(200), password: newPassword });
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
  /** Admins only: keep each document's postmortem_status instead of importing it as a draft. */
  keep_status: z.enum(["1", "0", "true", "false"], { message: "must be 1 or 0" }).optional().transform((v) => v === "1" || v === "true"),
});
