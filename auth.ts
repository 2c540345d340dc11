import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { dataDir, getDb } from "./db/connection";
import { checkCredentials, getUser, type User } from "./db/users";
import { ROLES, type Role } from "./lib/model";
import { FailureThrottle } from "./lib/throttle";

/** NEXTAUTH_SECRET if set, else a random secret generated once and kept in the data directory. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(dataDir(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

const throttle = new FailureThrottle();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = String(headers?.["x-forwarded-for"] ?? "");
  return forwarded.split(",")[0].trim() || "unknown";
}

export const authOptions: NextAuthOptions = {
  // A getter, so merely importing this module (as `next build` does) creates no files.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        // Throttled by address and by account, so rotating either alone does not help a guesser.
        const keys = [`ip:${clientAddress(req?.headers)}`, `email:${email}`];
        const wait = Math.max(...keys.map((k) => throttle.delayFor(k)));
        if (wait) await sleep(wait);
        const user = email && password ? checkCredentials(getDb(), email, password) : null;
        if (!user) {
          keys.forEach((k) => throttle.fail(k));
          return null;
        }
        keys.forEach((k) => throttle.succeed(k));
        return { id: String(user.id), email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid };
    },
  },
};

export function hasRole(user: Pick<User, "role">, needed: Role): boolean {
  return ROLES.indexOf(user.role) >= ROLES.indexOf(needed);
}

/** The signed-in user, read fresh from the database so role changes and removals apply at once. */
export async function currentUser(): Promise<User | null> {
  await connection(); // request-time only: never read the secret while `next build` probes pages
  const session = (await getServerSession(authOptions)) as { uid?: number } | null;
  if (!session?.uid) return null;
  return getUser(getDb(), session.uid);
}

/** For pages: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageUser(returnTo: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
