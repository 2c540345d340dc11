import { serveSitePath } from "@/server/serve-site";

/** Statuspage-compatible JSON, straight from the published site's files. */
const handle = (req: Request) => serveSitePath(req, "/api/v2", ["api", "v2"]);

export { handle as GET, handle as HEAD };
