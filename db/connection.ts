import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { migrate } from "./migrate";

export type Db = Database.Database;

export function dataDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.SITREP_DATA_DIR || "data");
}

export const databaseFile = (dir = dataDir()) => join(dir, "sitrep.db");

/** Opens (creating and migrating if needed) the database in a data directory. Seeding is server/'s job. */
export function openDatabase(dir = dataDir()): Db {
  mkdirSync(dir, { recursive: true });
  const db = new Database(databaseFile(dir));
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

const holder = globalThis as typeof globalThis & { __sitrepDb?: Db };

/** The one connection of this process (kept on globalThis so every bundle of the app shares it). */
export function getDb(): Db {
  holder.__sitrepDb ??= openDatabase();
  return holder.__sitrepDb;
}
