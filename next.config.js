/** @type {import('next').NextConfig} */
module.exports = {
  poweredByHeader: false,
  // The status site lives at /status/ with relative links, so its trailing slash must survive.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      // The one route the proxy does not see (see proxy.ts): its answers are per person, never cached.
      {
        source: "/api/incidents/import",
        headers: [
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};
