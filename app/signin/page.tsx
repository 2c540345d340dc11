import { redirect } from "next/navigation";
import { currentUser } from "@/auth";
import { SignInForm } from "@/components/SignInForm";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; changed?: string }> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await currentUser()) redirect(returnTo);
  return (
    <main className="signin">
      <div className="panel">
        <h1>Sign in to Sitrep</h1>
        <p className="muted">Postmortems and status publishing. If sign-in itself is down, publish with the backup CLI: <code>node publisher/cli.mjs --help</code></p>
        {params.changed && <p role="status" className="notice">Your password is changed. Sign in with the new one.</p>}
        <SignInForm returnTo={returnTo} initialError={params.error ? "Sign-in failed. Check your email and password." : null} />
      </div>
    </main>
  );
}
