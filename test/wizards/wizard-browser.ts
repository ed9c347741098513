// Test helper: a browser without JavaScript for a wizard, over fetch: it keeps cookies by name and path
// (as a browser does: a wizard's cookie is sent only under its instance's URL), follows redirects, and
// posts a page's form with its CSRF token.
export interface Page {
  status: number;
  url: string;
  html: string;
  /** The redirect's target, for an answer not followed. */
  location: string | null;
}

export class WizardBrowser {
  /** `name path` -> value */
  readonly cookies = new Map<string, string>();
  last: Page | null = null;

  constructor(readonly base: string) {}

  cookieHeader(path: string): string {
    return [...this.cookies]
      .filter(([key]) => {
        const cookiePath = key.slice(key.indexOf(' ') + 1);
        return path === cookiePath || path.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
      })
      .map(([key, value]) => `${key.slice(0, key.indexOf(' '))}=${value}`)
      .join('; ');
  }

  #keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const key = `${pair.slice(0, eq)} ${path}`;
      if (attrs.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a))) this.cookies.delete(key);
      else this.cookies.set(key, pair.slice(eq + 1));
    }
  }

  /** One request, not followed. */
  async fetch(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Page> {
    const res = await fetch(`${this.base}${path}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(path.split('?')[0] ?? path), ...(init.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    this.#keep(res);
    return { status: res.status, url: path, html: await res.text(), location: res.headers.get('location') };
  }

  /** GETs a page, following redirects. */
  async open(path: string): Promise<Page> {
    let page = await this.fetch(path);
    for (let hops = 0; page.location && hops < 5; hops++) page = await this.fetch(page.location);
    this.last = page;
    return page;
  }

  /** POSTs fields to the last page's form (with its token), then follows the redirect, if any. */
  async post(fields: Record<string, string | string[]>, to = this.last?.url ?? '/'): Promise<Page & { posted: number }> {
    const token = /name="_csrf" value="([^"]+)"/.exec(this.last?.html ?? '')?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: token });
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    const answer = await this.fetch(to, { method: 'POST', body: body.toString() });
    const page = answer.location ? await this.open(answer.location) : answer;
    this.last = page;
    return { ...page, posted: answer.status };
  }
}

/** The value attribute of the input with this id, HTML-decoded, or null. */
export function valueOf(html: string, id: string): string | null {
  const tag = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  const value = tag ? /\bvalue="([^"]*)"/.exec(tag)?.[1] : undefined;
  return value === undefined ? null : value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The wizard's heading: "Step 2 of 3: Pet". */
export const headingOf = (html: string): string => (/<h2[^>]*id="[^"]*-step"[^>]*>([\s\S]*?)<\/h2>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '');
