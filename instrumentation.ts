/**
 * Runs once when the server starts: create, migrate and seed the database, create the status site
 * if there is none, take in anything the backup CLI published while the app was down, and start
 * sending queued notifications in the background.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/connection");
    const { ensureSite } = await import("./server/seed-site");
    const { importJournal } = await import("./server/reconcile");
    const { startDeliveries } = await import("./server/start-deliveries");
    const db = getDb();
    await ensureSite(db);
    await importJournal(db);
    startDeliveries(db);
  }
}
