// Test helper: the words the cross-engine tests are written in (open a page, fill a field, send a form,
// wait for what the user would see, read a widget, run axe), on top of one engine's driver. Every wait
// waits for the page to show the thing, never for a time: in a page with scripts it looks again at each
// animation frame, without them at each answer of the driver.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { AXE_TAGS } from '../../e2e/axe.js';
import type { EngineDriver, KeyName } from './engines.js';

/** How long a wait may last before it fails, saying what it waited for (a slow engine, not a sleep). */
const PATIENCE_MS = 20_000;

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The source of `fn` applied to `args` (JSON), with tsx's `__name` helper, which the page lacks, defined around it. */
export const called = (fn: (...args: never[]) => unknown, args: unknown[]): string =>
  `(function () { var __name = function (f) { return f; }; return (${fn.toString()}).apply(null, ${JSON.stringify(args)}); })()`;

/** An expression that checks `check` (an expression) at each animation frame for up to a second, and gives its last value. */
const checkedEachFrame = (check: string): string =>
  `new Promise(function (resolve) { var until = Date.now() + 1000; (function look() { var v = null; try { v = ${check}; } catch (e) { v = null; } if (v || Date.now() > until) resolve(v); else requestAnimationFrame(look); })(); })`;

/** What a wait gives: the value once it is true. */
type Truthy<T> = Exclude<T, null | undefined | false | '' | 0>;

/** What a widget says of itself: its Dijit class, state and the properties asked for (dates as `Date(yyyy-mm-dd)`). */
export interface WidgetView {
  declaredClass: string;
  state: string;
  props: Record<string, unknown>;
}

export class EnginePage {
  constructor(
    private readonly driver: EngineDriver,
    /** The server's origin, without a trailing slash. */
    public base: string,
    /**
     * A page of the same engine with JavaScript on, where axe reads a page of this one without scripts:
     * axe needs timers, which a page whose scripts are off never runs (Firefox ESR 153 runs no promise
     * job either).
     */
    private readonly axeReader?: EngineDriver,
  ) {}

  get engine(): string {
    return this.driver.engine;
  }

  get javaScript(): boolean {
    return this.driver.javaScript;
  }

  goto(path: string): Promise<void> {
    return this.driver.goto(this.base + path);
  }

  /** Runs `fn` in the page with `args` (JSON) and gives its result. `fn` may use only its arguments and the page's globals. */
  run<A extends unknown[], T>(fn: (...args: A) => T, ...args: A): Promise<Awaited<T>> {
    return this.driver.evaluate(called(fn as never, args));
  }

  /**
   * Waits until `fn` gives a true value in the page, and gives that value. A page being replaced (a form
   * sent) is looked at again once the new one answers. Fails after PATIENCE_MS with `what` and the last value.
   */
  async waitFor<A extends unknown[], T>(what: string, fn: (...args: A) => T, ...args: A): Promise<Truthy<Awaited<T>>> {
    const check = called(fn as never, args);
    const expression = this.driver.javaScript ? checkedEachFrame(check) : check;
    const deadline = Date.now() + PATIENCE_MS;
    let last: unknown = null;
    for (;;) {
      try {
        last = await this.driver.evaluate(expression);
        if (last) return last as Truthy<Awaited<T>>;
      } catch (err) {
        last = err; // the page was being replaced: look again at the next one
      }
      if (Date.now() > deadline) throw new Error(`${this.engine}: waited for ${what}; last seen: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
  }

  /** Waits for the form `id` to have its widgets (with JavaScript), or for the page to be loaded (without). */
  ready(id: string): Promise<boolean> {
    return this.javaScript
      ? this.waitFor(`form #${id} ready`, (form) => Boolean(document.querySelector(`form#${form}[data-dijitize-ready]`)), id)
      : this.waitFor(`form #${id}`, (form) => document.readyState === 'complete' && Boolean(document.getElementById(form)), id);
  }

  click(css: string): Promise<void> {
    return this.driver.click(css);
  }

  /** How many times the browser asked before leaving a page, where the driver sees it (see EngineDriver). */
  leaveQuestions(): number | null {
    return this.driver.leaveQuestions?.() ?? null;
  }

  /**
   * Whether the page would ask before it is left now: a `beforeunload` event sent to it as the browser
   * sends one, and whether the page's listeners held it back (the browser then asks).
   */
  wouldAskOnLeaving(): Promise<boolean> {
    return this.run(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  }

  doubleClick(css: string): Promise<void> {
    return this.driver.doubleClick(css);
  }

  /** Clicks the element among those `css` names whose trimmed text is `text` (a menu item, an option), once it shows. */
  async clickText(css: string, text: string): Promise<void> {
    await this.waitFor(`${css} saying ${text}`, (sel, want) => {
      const found = Array.from(document.querySelectorAll(sel)).find((e) => (e.textContent ?? '').trim() === want && (e as HTMLElement).offsetParent !== null);
      document.querySelectorAll('[data-engines-target]').forEach((e) => e.removeAttribute('data-engines-target'));
      found?.setAttribute('data-engines-target', '');
      return Boolean(found);
    }, css, text);
    await this.click('[data-engines-target]');
  }

  /** The CSS selector of the control a label with exactly `text` is for (as a user finds a field). */
  async labelled(text: string): Promise<string> {
    const id = await this.waitFor(`a label "${text}"`, (want) => {
      const label = Array.from(document.querySelectorAll('label')).find((l) => (l.textContent ?? '').trim() === want);
      return label ? label.htmlFor : '';
    }, text);
    return `[id="${id}"]`;
  }

  type(text: string): Promise<void> {
    return this.driver.type(text);
  }

  press(key: KeyName): Promise<void> {
    return this.driver.press(key);
  }

  pickFiles(css: string, paths: string[]): Promise<void> {
    return this.driver.pickFiles(css, paths);
  }

  /**
   * Focuses the field, selects what it holds and types `text` over it key by key, as a user replaces a
   * value. The focus is given as Playwright's fill gives it, not by a click: a click opens a date box's
   * calendar, which a user then closes, and which would take the next click.
   */
  async fill(css: string, text: string): Promise<void> {
    await this.run((sel) => {
      const field = document.querySelector(sel) as HTMLInputElement | null;
      if (!field) throw new Error(`no ${sel} to fill`);
      field.scrollIntoView({ block: 'center' });
      field.focus();
      field.select();
    }, css);
    if (text === '') await this.press('Backspace');
    else await this.type(text);
  }

  /** Does `act` (a click, a key), then waits for the next page the browser shows, and gives its path. */
  async toNextPage(act: () => Promise<void>): Promise<string> {
    await this.run(() => void ((window as unknown as { __enginesOldPage: boolean }).__enginesOldPage = true));
    await act();
    return this.waitFor(
      'the next page',
      () => !(window as unknown as { __enginesOldPage?: boolean }).__enginesOldPage && document.readyState === 'complete' && location.pathname,
    );
  }

  /** Sends the form `id` past the browser's checks (a native submit, as a client that does not check would), and gives the next page's path. */
  submitPastTheBrowser(id: string): Promise<string> {
    return this.toNextPage(() => this.run((form) => (document.getElementById(form) as HTMLFormElement).submit(), id));
  }

  /** Waits until the element `css` names has `text` (trimmed; a RegExp's source matches), and gives it. */
  seeText(css: string, text: string | RegExp): Promise<string> {
    const pattern = text instanceof RegExp ? text.source : null;
    return this.waitFor(`${css} to say ${String(text)}`, (sel, want, re) => {
      const element = document.querySelector(sel);
      const seen = element ? (element.textContent ?? '').trim() : null;
      return seen !== null && (re ? new RegExp(re).test(seen) : seen === want) ? seen : '';
    }, css, typeof text === 'string' ? text : '', pattern);
  }

  /** The trimmed text of each element `css` names. */
  texts(css: string): Promise<string[]> {
    return this.run((sel) => Array.from(document.querySelectorAll(sel), (e) => (e.textContent ?? '').trim()), css);
  }

  /** The value of the input, select or textarea `css` names. */
  value(css: string): Promise<string | null> {
    return this.run((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value ?? null, css);
  }

  /** The id of the focused element. */
  focused(): Promise<string> {
    return this.run(() => document.activeElement?.id ?? '');
  }

  /** The done page's saved values, by field. */
  saved(): Promise<Record<string, string>> {
    return this.run(() => Object.fromEntries(Array.from(document.querySelectorAll('dd[data-field]'), (dd) => [dd.getAttribute('data-field'), (dd.textContent ?? '').trim()])));
  }

  /** Waits for the widget `id` and reads its class, state and the named properties. */
  widget(id: string, names: string[] = []): Promise<WidgetView> {
    return this.waitFor(`widget ${id}`, (wid, keys) => {
      type Widget = { declaredClass: string; get(name: string): unknown };
      const req = (window as unknown as { require?: (m: string) => { byId(id: string): Widget | undefined } }).require;
      let widget: Widget | undefined;
      try {
        widget = req ? req('dijit/registry').byId(wid) : undefined;
      } catch {
        widget = undefined; // dijit/registry not loaded yet
      }
      if (!widget) return null;
      const props: Record<string, unknown> = {};
      for (const key of keys) {
        const value = widget.get(key);
        props[key] = value instanceof Date ? `Date(${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')})` : JSON.parse(JSON.stringify(value ?? null));
      }
      return { declaredClass: widget.declaredClass, state: String(widget.get('state') ?? ''), props };
    }, id, names);
  }

  /**
   * Runs axe-core (from npm) with the WCAG 2.2 A/AA and best-practice rules; each violation as a line. A
   * page without scripts is read as it stands (its DOM, its styles from its server) in the axe reader.
   */
  async axe(): Promise<string[]> {
    if (this.javaScript) return axeIn(this.driver);
    if (!this.axeReader) throw new Error(`${this.engine}: a page without scripts needs an axe reader`);
    const html = await this.run(() => document.documentElement.outerHTML);
    // The page's markup (our test data) written into a page of the same origin, so that its styles load
    // as they did (a data: URL is refused them: the demo's files are same-origin only), its scripts taken
    // out as they never ran.
    await this.axeReader.goto(`${this.base}/static/demo.css`);
    await this.axeReader.evaluate(
      called((markup: string) => {
        document.open();
        document.write(`<!DOCTYPE html>${markup}`);
        document.close();
        return new Promise((resolve) => (document.readyState === 'complete' ? resolve(true) : window.addEventListener('load', () => resolve(true))));
      }, [html.replace(/<script\b[\s\S]*?<\/script>/g, '')]),
    );
    return axeIn(this.axeReader);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** Injects axe-core into the driver's page and runs it. */
async function axeIn(driver: EngineDriver): Promise<string[]> {
  await driver.evaluate(`(function () { if (!window.axe) { ${AXE_SOURCE}\n } return true; })()`);
  return driver.evaluate(called((tags: string[]) => {
      type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: tags } }).then(({ violations }) =>
        violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      );
  }, [AXE_TAGS]));
}
