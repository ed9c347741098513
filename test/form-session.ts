// Test helper: GETs a form page like a browser would, keeping its CSRF cookie and token, and POSTs
// urlencoded or multipart bodies with them.
export interface FormSession {
  /** The form page as the GET answered it. */
  html: string;
  cookie: string;
  token: string;
  post(path: string, body: string | Buffer, headers?: Record<string, string>): Promise<Response>;
  /** POSTs multipart form data (fetch sets the content type and its boundary). */
  postParts(path: string, body: FormData): Promise<Response>;
}

/** Opens `path`; `headers` (such as Accept-Language) go with the GET and with every POST of the session. */
export async function openForm(base: string, path: string, headers: Record<string, string> = {}): Promise<FormSession> {
  const res = await fetch(`${base}${path}`, { headers });
  // Every cookie the page set (the CSRF cookie, and any of the app's own), as a browser sends them back.
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return {
    html,
    cookie,
    token,
    post: (to, body, more = {}) =>
      fetch(`${base}${to}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers, ...more },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      }),
    postParts: (to, body) => fetch(`${base}${to}`, { method: 'POST', redirect: 'manual', headers: { cookie, ...headers }, body }),
  };
}

/** `_csrf=<token>&` to put in front of a body. */
export const tokenField = (s: FormSession) => `_csrf=${encodeURIComponent(s.token)}&`;
