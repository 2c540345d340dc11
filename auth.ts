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
import { createSession, revokeSession, sessionUser } from "./db/sessions";
import { checkCredentials, getUser, type User } from "./db/users";
import { ROLES, type Role } from "./lib/model";
import { AttemptThrottle, forwardedClient } from "./lib/throttle";

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

const SESSION_SECONDS = 12 * 60 * 60;
/** Per account: five tries, then each one waits twice as long as the last (up to 15 minutes). */
const accountThrottle = new AttemptThrottle(5, 1000, 15 * 60_000);
/** Per address, only when a proxy we trust tells us the address: more room, for offices behind one NAT. */
const addressThrottle = new AttemptThrottle(30, 1000, 15 * 60_000);

/** The client's address, when SITREP_TRUSTED_PROXIES says how many of our proxies add to X-Forwarded-For. */
function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  return forwardedClient(String(headers?.["x-forwarded-for"] ?? ""), Number(process.env.SITREP_TRUSTED_PROXIES || 0));
}

export class SignInThrottled extends Error {
  constructor(waitMs: number) {
    super(`Too many sign-in attempts. Try again in ${Math.ceil(waitMs / 1000)} seconds.`);
  }
}

export const authOptions: NextAuthOptions = {
  // A getter, so merely importing this module (as `next build` does) creates no files.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        // Counted before the password is checked, so parallel guesses are counted too; refused, never delayed.
        const address = clientAddress(req?.headers);
        const byAddress = address ? addressThrottle.begin([`ip:${address}`]) : null;
        if (byAddress) throw new SignInThrottled(byAddress);
        const account = [`email:${email}`];
        const byAccount = accountThrottle.begin(account);
        if (byAccount) throw new SignInThrottled(byAccount);
        const user = email && password ? checkCredentials(getDb(), email, password) : null;
        if (!user) return null;
        accountThrottle.succeed(account);
        return { id: String(user.id), email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sid = createSession(getDb(), Number(user.id), SESSION_SECONDS);
      }
      return token;
    },
    /** A session is only as good as its row in the database: sign-out, disabling or a new database end it. */
    async session({ session, token }) {
      const live = typeof token.sid === "string" && sessionUser(getDb(), token.sid) === token.uid;
      return live ? { ...session, uid: token.uid } : { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") revokeSession(getDb(), token.sid);
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
