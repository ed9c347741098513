// Refuses unsafe requests that a browser says come from another site, before any token is looked at:
// `Sec-Fetch-Site` when the browser sends it (all current ones do), else `Origin` against `Host`. A
// request with neither is not from a browser that could be tricked into sending it, and the CSRF token
// decides. The rule is the one Go's net/http CrossOriginProtection applies.
import type { Request } from 'express';

/** Where a request that looks cross-site says it comes from (a sibling subdomain, or another site), or null. */
export function crossSiteReason(req: Request, trustedOrigins: ReadonlySet<string>): 'sibling' | 'other' | null {
  const origin = req.get('origin');
  if (origin !== undefined && trustedOrigins.has(origin)) return null;
  const site = req.get('sec-fetch-site');
  if (site !== undefined) {
    // `same-site` is a sibling subdomain: exactly the attacker who can also plant cookies.
    return site === 'same-origin' || site === 'none' ? null : site === 'same-site' ? 'sibling' : 'other';
  }
  if (origin === undefined) return null;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // `Origin: null` (a sandboxed frame, a data: URL) or garbage: not this site
  }
  return host !== null && host === req.get('host') ? null : 'other';
}
