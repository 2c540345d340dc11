/**
 * Runs once when the server starts: create, migrate and seed the database (or rebuild what is missing
 * from the status site's journal), take in anything the backup CLI published while the app was down,
 * and start sending queued notifications in the background.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./server/startup");
    await startServer();
  }
}
