/** Only same-site paths may be redirect targets, so a sign-in link cannot send people elsewhere. */
export function safeReturnPath(value: unknown, fallback = "/incidents"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  if (value.startsWith("/signin") || value.startsWith("/api/auth")) return fallback;
  return value;
}
