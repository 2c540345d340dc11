import { z } from "zod";
import type { CauseTag } from "./insights";

export type { CauseTag };

const tagSlug = z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and hyphens");

/** The taxonomy as admins edit it: a short list, each tag with the words that suggest it. */
export const causeTagsSchema = z.object({
  tags: z.array(z.object({
    slug: tagSlug,
    name: z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters"),
    keywords: z.string().trim().max(500, "must be at most 500 characters").default(""),
  })).min(1, "keep at least one tag").max(30, "at most 30 tags: a taxonomy people can hold in their head")
    .superRefine((tags, ctx) => {
      const seen = new Set<string>();
      tags.forEach((t, i) => {
        if (seen.has(t.slug)) ctx.addIssue({ code: "custom", path: [i, "slug"], message: `"${t.slug}" is listed twice` });
        seen.add(t.slug);
      });
    }),
});

export const keywordsOf = (tag: CauseTag) => tag.keywords.split(",").map((k) => k.trim().toLowerCase()).filter(Boolean);

/**
 * Tags whose keywords appear in a cause's text, at the start of a word ("saturat" matches "saturated"), best first.
 * Only suggestions: a person confirms each one before it is saved on the cause.
 */
export function suggestTags(text: string, taxonomy: CauseTag[], already: string[] = []): CauseTag[] {
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9-]+/g, " ")} `;
  return taxonomy
    .filter((t) => !already.includes(t.slug))
    .map((tag) => ({ tag, hits: keywordsOf(tag).filter((k) => words.includes(` ${k.replace(/[^a-z0-9-]+/g, " ")}`)).length }))
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .map((s) => s.tag);
}
