import Link from "next/link";

export function Forbidden({ role, back }: { role: string; back: string }) {
  return (
    <section className="panel" role="alert">
      <h1>You need the {role} role for this</h1>
      <p>Ask an admin to change your role. <Link href={back}>Go back</Link></p>
    </section>
  );
}
