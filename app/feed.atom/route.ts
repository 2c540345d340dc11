import { serveSiteFile } from "@/server/serve-site";

const handle = (req: Request) => serveSiteFile(req, ["feed.atom"]);
export { handle as GET, handle as HEAD };
