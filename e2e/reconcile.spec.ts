import { expect, test } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PORT = Number(process.env.SITREP_E2E_PORT ?? 3217) + 14;
const base = `http://127.0.0.1:${PORT}`;

async function startApp(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(PORT), SITREP_DATA_DIR: dataDir, SITREP_ADMIN_PASSWORD: "reconcile-password", NEXTAUTH_URL: base },
    stdio: "ignore",
  });
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${base}/signin`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the app did not start");
}

const stopApp = (child: ChildProcess) => new Promise((r) => { child.once("exit", r); child.kill("SIGTERM"); });

test("updates posted with the CLI while the app was down are taken in when it starts, in order, once", async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), "sitrep-reconcile-"));
  const site = join(dataDir, "site");
  const cli = (...args: string[]) => spawnSync(process.execPath, ["publisher/cli.mjs", ...args, "--site", site, "--operator", "backup-operator", "--yes"], { encoding: "utf8" });
  let app = await startApp(dataDir);
  try {
    await stopApp(app);
    let r = cli("post", "--name", "Sign-in is down", "--status", "investigating", "--message", "First, from the CLI.", "--component", "cognito=major_outage");
    expect(r.status, r.stderr).toBe(0);
    const id = /Incident id: (\w+)/.exec(r.stdout)![1];
    r = cli("post", "--incident", id, "--status", "identified", "--message", "Second, from the CLI.");
    expect(r.status, r.stderr).toBe(0);

    app = await startApp(dataDir);
    const page = await browser.newPage({ baseURL: base });
    await page.goto("/signin");
    await page.getByLabel("Email").fill("admin@localhost");
    await page.getByLabel("Password").fill("reconcile-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    const posted = await page.request.post(`/api/status/incidents/${id}/updates`, { data: { status: "monitoring", body: "Third, from the app." } });
    expect(posted.status()).toBe(201);

    const incident = (await (await page.request.get("/api/v2/incidents.json")).json()).incidents.find((i: { id: string }) => i.id === id);
    expect(incident.incident_updates.map((u: { body: string }) => u.body)).toEqual(["Third, from the app.", "Second, from the CLI.", "First, from the CLI."]);
    const list = (await (await page.request.get("/api/incidents")).json()).incidents;
    const slug = list.find((i: { title: string }) => i.title === "Sign-in is down").slug;
    const pm = await (await page.request.get(`/api/incidents/${slug}`)).json();
    const comms = pm.timeline.filter((e: { kind: string }) => e.kind === "communication").map((e: { text: string; actor: string }) => `${e.actor}: ${e.text}`);
    expect(comms).toEqual([
      "backup-operator: Status page (investigating, via the backup publisher): First, from the CLI.",
      "backup-operator: Status page (identified, via the backup publisher): Second, from the CLI.",
      "admin@localhost: Status page (monitoring): Third, from the app.",
    ]);
    // With the app running, a CLI update is taken in before the app's next publish.
    r = cli("post", "--incident", id, "--message", "Fourth, from the CLI while the app runs.");
    expect(r.status, r.stderr).toBe(0);
    expect((await page.request.post(`/api/status/incidents/${id}/updates`, { data: { status: "resolved", body: "Fifth, from the app." } })).status()).toBe(201);
    const running = await (await page.request.get(`/api/incidents/${slug}`)).json();
    expect(running.timeline.filter((e: { kind: string }) => e.kind === "communication").map((e: { text: string }) => e.text.split(": ").pop())).toEqual([
      "First, from the CLI.", "Second, from the CLI.", "Third, from the app.", "Fourth, from the CLI while the app runs.", "Fifth, from the app.",
    ]);
    await stopApp(app);
    app = await startApp(dataDir);
    const again = await (await page.request.get(`/api/incidents/${slug}`)).json();
    expect(again.timeline.filter((e: { kind: string }) => e.kind === "communication")).toHaveLength(5);
    await page.close();
  } finally {
    await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
