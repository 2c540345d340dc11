import "server-only";
import type { User } from "@/db/users";
import type { PageSettingsInput } from "@/lib/page-settings-schema";
import { pageSettings, setPageSettings } from "@/publisher/page-settings.mjs";
import { dryRun } from "@/publisher/publish.mjs";
import { readState } from "@/publisher/site.mjs";
import { publishFromApp } from "./publish";
import { siteDir } from "./site-config";

export function currentPageSettings() {
  return pageSettings(readState(siteDir()));
}

/** What the settings would change, in words; throws the publisher's refusal naming the field. */
export function previewPageSettings(user: User, input: PageSettingsInput): string[] {
  const { change } = dryRun(siteDir(), (s, ctx) => setPageSettings(s, input, ctx), { author: user.email, origin: "app" });
  return (change as { notes?: string[] }).notes ?? [];
}

/** Publishes the settings (a journaled release like any update), unless nothing changes. */
export async function savePageSettings(user: User, input: PageSettingsInput): Promise<string[]> {
  const notes = previewPageSettings(user, input);
  if (notes.length) await publishFromApp(user, (s, ctx) => setPageSettings(s, input, ctx), { kind: "page" });
  return notes;
}
