import { requirePageUser } from "@/auth";
import { ChangePasswordForm } from "@/components/ChangePasswordForm";
import { MIN_PASSWORD_LENGTH } from "@/lib/password";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <>
      <h1>Your account</h1>
      <section className="panel" aria-labelledby="password-h">
        <h2 id="password-h">Change your password</h2>
        <p className="muted">Signed in as {user.email}. At least {MIN_PASSWORD_LENGTH} characters. Afterwards you sign in again, on every device.</p>
        <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
      </section>
    </>
  );
}
