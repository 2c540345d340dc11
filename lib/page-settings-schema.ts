import { z } from "zod";

/** The status page's settings as an admin sends them: shape only; the publisher checks meaning (addresses, images, zone). */
export const pageSettingsSchema = z.strictObject({
  name: z.string().max(1000).optional(),
  url: z.string().max(1000).optional(),
  time_zone: z.string().max(100).optional(),
  description: z.string().max(1000).optional(),
  support_url: z.string().max(1000).optional(),
  privacy_url: z.string().max(1000).optional(),
  logo: z.string().max(20_000, "the image is too big for the page").optional(),
  favicon: z.string().max(20_000, "the image is too big for the page").optional(),
  accent: z.string().max(20).optional(),
});

export type PageSettingsInput = z.infer<typeof pageSettingsSchema>;
