import { z } from "zod";

export const NATURES = ["hard", "soft", "best-effort"] as const;
export type Nature = (typeof NATURES)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and hyphens").max(80);

export const dependencySchema = z.object({
  service: slug,
  nature: z.enum(NATURES),
  note: z.string().max(500).default(""),
});

export const serviceSchema = z.object({
  slug,
  name: z.string().trim().min(1, "must not be empty").max(200, "a name is at most 200 characters"),
  description: z.string().max(2000).default(""),
  public: z.boolean().default(false),
  group: z.string().max(100, "a group name is at most 100 characters").default(""),
  /** Shown on the status page only while not operational. */
  onlyShowIfDegraded: z.boolean().optional(),
  statusPath: z.boolean().default(false),
  dependsOn: z.array(dependencySchema).default([]),
});

/** The catalog file format (content/services.json). Cycles are legal; dangling and self edges are not. */
export const catalogSchema = z
  .object({ services: z.array(serviceSchema) })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.services.forEach((s, i) => {
      if (seen.has(s.slug)) ctx.addIssue({ code: "custom", path: ["services", i, "slug"], message: `duplicate slug "${s.slug}"` });
      seen.add(s.slug);
    });
    catalog.services.forEach((s, i) => {
      const targets = new Set<string>();
      s.dependsOn.forEach((d, j) => {
        const path = ["services", i, "dependsOn", j, "service"];
        if (d.service === s.slug) ctx.addIssue({ code: "custom", path, message: `"${s.slug}" cannot depend on itself` });
        else if (!seen.has(d.service)) ctx.addIssue({ code: "custom", path, message: `"${s.slug}" depends on unknown service "${d.service}"` });
        else if (targets.has(d.service)) ctx.addIssue({ code: "custom", path, message: `"${s.slug}" lists "${d.service}" twice` });
        targets.add(d.service);
      });
    });
  });

export type Catalog = z.infer<typeof catalogSchema>;
export type Service = z.infer<typeof serviceSchema>;
