// Test helper: GETs a form page like a browser would, keeping its CSRF cookie and token, and POSTs
// urlencoded or multipart bodies with them.
export interface FormSession {
  cookie: string;
  token: string;
  post(path: string, body: string | Buffer, headers?: Record<string, string>): Promise<Response>;
  /** POSTs multipart form data (fetch sets the content type and its boundary). */
  postParts(path: string, body: FormData): Promise<Response>;
}

export async function openForm(base: string, path: string): Promise<FormSession> {
  const res = await fetch(`${base}${path}`);
  // Every cookie the page set (the CSRF cookie, and any of the app's own), as a browser sends them back.
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
  return {
    cookie,
    token,
    post: (to, body, headers = {}) =>
      fetch(`${base}${to}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      }),
    postParts: (to, body) => fetch(`${base}${to}`, { method: 'POST', redirect: 'manual', headers: { cookie }, body }),
  };
}

/** `_csrf=<token>&` to put in front of a body. */
export const tokenField = (s: FormSession) => `_csrf=${encodeURIComponent(s.token)}&`;
