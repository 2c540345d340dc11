import NextAuth from "next-auth";
import { authOptions } from "@/auth";

// Built per request so that `next build`, which imports this module, reads no secret and writes no file.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions)(req, ctx);
}

export { handler as GET, handler as POST };
