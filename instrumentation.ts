/** Runs once when the server starts: create, migrate and seed the database before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/connection");
    getDb();
  }
}
