import Database from "better-sqlite3";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { migrate } from "./migrate";

export type Db = Database.Database;

export function dataDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.SITREP_DATA_DIR || "data");
}

export const databaseFile = (dir = dataDir()) => join(dir, "sitrep.db");

/** Opens (creating and migrating if needed) the database in a data directory. Seeding is server/'s job. */
export function openDatabase(dir = dataDir()): Db {
  // Owner-only: the database holds webhook secrets, feed tokens and password hashes.
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = new Database(databaseFile(dir));
  chmodSync(databaseFile(dir), 0o600); // SQLite gives the -wal and -shm files the same mode
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
