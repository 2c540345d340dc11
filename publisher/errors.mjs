// @ts-check
import { PublishError } from "./apply.mjs";
import { LockBusyError } from "./lock.mjs";
import { JournalWriteError } from "./publish.mjs";
import { SiteError } from "./site.mjs";

const UNCHANGED = "the live site was not changed";

/**
 * Why a publish failed, in one line a person can act on, and the HTTP status the app answers with.
 * Every failure this describes happened before the swap, so each message can honestly say the live
 * site was not changed. Both doors use it, so the CLI and the API say the same thing.
 * @param {unknown} error @param {string} where the site's folder, as the reader knows it
 * @returns {{ status: number, message: string, field?: string }}
 */
export function explainFailure(error, where) {
  const err = /** @type {NodeJS.ErrnoException} */ (error);
  if (err instanceof PublishError) return { status: 400, message: err.message, field: err.field };
  if (err instanceof LockBusyError) return { status: 503, message: err.message };
  if (err instanceof JournalWriteError) {
    return err.code === "ENOSPC"
      ? { status: 507, message: `the disk is full where ${where} keeps its journal; free some space and publish again; ${UNCHANGED}` }
      : { status: 503, message: `${err.message}; make it writable (is it read-only or immutable?) and publish again; ${UNCHANGED}` };
  }
  if (err instanceof SiteError) return { status: 503, message: err.message };
  if (err.code === "ENOSPC") return { status: 507, message: `the disk is full where ${where} lives; free some space and publish again; ${UNCHANGED}` };
  if (err.code === "EACCES" || err.code === "EPERM" || err.code === "EROFS") {
    return { status: 503, message: `cannot write to ${where} (${err.code}); run as a user who can, or make it writable, and publish again; ${UNCHANGED}` };
  }
  if (err.code === "EDQUOT") return { status: 507, message: `the disk quota is used up where ${where} lives; ${UNCHANGED}` };
  return { status: 500, message: `${err.message ?? String(err)}; ${UNCHANGED}` };
}
