import { expect, request as requests, type APIRequestContext, type APIResponse } from "@playwright/test";

/** A second person who reviews postmortems in specs that need one approved (the author's own never counts). */
const REVIEWER = { email: "customer-version-reviewer@example.com", password: "reviewer-password-1" };

async function reviewerContext(): Promise<APIRequestContext> {
  const ctx = await requests.newContext({ baseURL: `http://127.0.0.1:${process.env.SITREP_E2E_PORT}` });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email: REVIEWER.email, password: REVIEWER.password, json: "true" } });
  return ctx;
}

/**
 * Puts a postmortem on the status site the only way there is: its customer version, generated if it
 * has none, findings accepted, approved by a second person, then published on the given status incident.
 * `admin` is an admin's signed-in request context. Safe to call again.
 */
export async function publishCustomerVersion(admin: APIRequestContext, slug: string, statusIncident: string): Promise<APIResponse> {
  const url = `/api/incidents/${slug}/public`;
  let view = await (await admin.get(url)).json();
  if (!view.public) {
    const draft = await (await admin.post(`${url}/draft`, { data: { actionItems: [] } })).json();
    const saved = await admin.put(url, { data: { ...draft, version: 0 } });
    expect(saved.ok(), await saved.text()).toBe(true);
    view = await saved.json();
  }
  for (const key of new Set((view.findings as { key: string; acceptedBy: string | null }[]).filter((f) => !f.acceptedBy).map((f) => f.key))) {
    await admin.post(`${url}/accept`, { data: { key } });
  }
  view = await (await admin.get(url)).json();
  if ((view.blockers as string[]).some((b) => b.startsWith("review:"))) {
    await admin.post("/api/users", { data: { ...REVIEWER, role: "editor" } }); // already there on a second call: that is fine
    const asked = await admin.post(`/api/incidents/${slug}/reviewers`, { data: { reviewers: [REVIEWER.email] } });
    expect(asked.ok(), await asked.text()).toBe(true);
    const pm = await (await admin.get(`/api/incidents/${slug}`)).json();
    const reviewer = await reviewerContext();
    const approved = await reviewer.post(`/api/incidents/${slug}/decision`, { data: { decision: "approved", version: pm.version } });
    expect(approved.ok(), await approved.text()).toBe(true);
    await reviewer.dispose();
  }
  return admin.post(`${url}/publish`, { data: { version: view.public.version, statusIncident } });
}
