import type { Database } from "better-sqlite3";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createIncident } from "../db/incidents";
import { replaceCatalog } from "../db/services";
import { countUsers, createUser } from "../db/users";
import { catalogSchema } from "../lib/catalog";
import { importPostmortem } from "../lib/markdown/import";
import { describeIssues } from "../lib/model";
import { generatePassword } from "../lib/password";

export const CONTENT_DIR = join(process.cwd(), "content");

/**
 * Fills an empty database: the service catalog and one admin account, and (unless `postmortems` is
 * false: a database rebuilt beside an existing status site must not pass seed data off as history)
 * every postmortem in content/, through the same Markdown importer users import with.
 */
export function seedDatabase(db: Database, { contentDir = CONTENT_DIR, postmortems = true } = {}): void {
  const empty = (db.prepare("SELECT (SELECT count(*) FROM services) + (SELECT count(*) FROM incidents)").pluck().get() as number) === 0;
  if (empty) {
    db.transaction(() => {
      const parsed = catalogSchema.safeParse(JSON.parse(readFileSync(/*turbopackIgnore: true*/ join(contentDir, "services.json"), "utf8")));
      if (!parsed.success) throw new Error(`content/services.json: ${describeIssues(parsed.error).join("; ")}`);
      replaceCatalog(db, parsed.data);
      if (!postmortems) return;
      for (const file of readdirSync(/*turbopackIgnore: true*/ contentDir).filter((f) => f.endsWith(".md")).sort()) {
        const { postmortem } = importPostmortem(readFileSync(join(/*turbopackIgnore: true*/ contentDir, file), "utf8"));
        createIncident(db, postmortem, "seed");
      }
    })();
  }
  if (countUsers(db) === 0) createAdmin(db);
}

function createAdmin(db: Database): void {
  const email = process.env.SITREP_ADMIN_EMAIL || "admin@localhost";
  const fromEnv = process.env.SITREP_ADMIN_PASSWORD;
  const password = fromEnv || generatePassword();
  try {
    createUser(db, { email, name: "Administrator", role: "admin", password });
  } catch (err) {
    throw new Error(`SITREP_ADMIN_PASSWORD: ${(err as Error).message}`);
  }
  const shown = fromEnv ? "(the value of SITREP_ADMIN_PASSWORD)" : `${password}   <- shown once; keep it somewhere safe`;
  console.log(`\nSitrep created an admin account\n  email:    ${email}\n  password: ${shown}\n`);
}
