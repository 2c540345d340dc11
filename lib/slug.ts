/** A URL-safe slug from a title: lowercase letters, digits and hyphens, at most 60 characters. */
export function slugify(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "incident";
}
