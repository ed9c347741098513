// `npm run bench:choices`: the time card's employee, one of 10,000 people, found as the user types.
// - Keystroke to list shown, in Chromium: typing a name's first letters into the remote FilteringSelect
//   (choices from the server, a page of 20 at a time) against the same widget with all 10,000 choices in
//   the page (its store in memory: the way without a source), medians and p95 in one run.
// - The choices endpoint's requests per second (autocannon, 20 connections, 4 s), against a GET of a
//   static JSON of the same size served by the same Express app, in the same run.
// Bounded: about a minute. Writes bench/choices-results.json; docs/bench.md quotes the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import express from 'express';
import * as z from 'zod';
import { launchBenchChromium } from './bench-chromium.js';
import { createApp } from '../demo/app.js';
import { PEOPLE } from '../demo/people.js';
import { defineForm } from '../server/index.js';
import { median, ratio, round } from './stats.js';

const root = path.resolve(import.meta.dirname, '..');
const QUERIES = ['l', 'le', 'len', 'lena', 'k', 'ke', 'ken', 'kenj', 'g', 'gr', 'gra', 'grac', 'm', 'ma', 'mat', 'mate'];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] as number;

// The baseline: the same field with every choice in the page.
const inPage = defineForm('bench-people-in-page', z.object({ employee: z.string() }), { fields: { employee: { label: 'Employee', choices: PEOPLE.map((p) => ({ value: p.value, label: p.label })) } } });

const app = createApp();
const same = express();
same.get('/static-page.json', (_req, res) => res.json(PEOPLE.slice(0, 20).map((p) => ({ id: p.value, name: p.label }))));
app.use(same);
app.get('/bench/in-page', (req, res) => res.render('form-page.html', { title: 'In page', form: req.dojo.form(inPage) }));
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Milliseconds from each keystroke to the list showing matches for the text typed. */
async function keystrokes(page: string, id: string): Promise<number[]> {
  const browser = await launchBenchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${base}${page}`);
    await tab.waitForSelector('form[data-dijitize-ready]');
    const times: number[] = [];
    for (const query of QUERIES) {
      await tab.locator(`#${id}`).fill('');
      await tab.keyboard.press('Escape');
      await tab.locator(`#${id}`).fill(query.slice(0, -1));
      await tab.waitForTimeout(50);
      // A string, not a function: tsx would name the page's functions with a helper the page has not.
      const measure = `new Promise((resolve) => {
        const input = document.getElementById(${JSON.stringify(id)});
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if ([...document.querySelectorAll('.dijitComboBoxMenuPopup .dijitMenuItem')].some((item) => item.offsetParent && item.textContent.toLowerCase().startsWith(${JSON.stringify(query)}))) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
        input.value = ${JSON.stringify(query)};
        input.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(query.at(-1))}, bubbles: true }));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      })`;
      times.push((await tab.evaluate(measure)) as number);
    }
    return times;
  } finally {
    await browser.close();
  }
}

const requestsPerSecond = async (url: string): Promise<number> => {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push((await autocannon({ url, connections: 20, duration: 4, headers: { range: 'items=0-19' } })).requests.average);
  return median(runs);
};

try {
  const remote = await keystrokes('/timecard', 'timecard-employee');
  const local = await keystrokes('/bench/in-page', 'bench-people-in-page-employee');
  const pageBytes = async (p: string) => Buffer.byteLength(await (await fetch(`${base}${p}`)).text());
  const endpoint = await requestsPerSecond(`${base}/dojo/choices/timecard/employee?id=&name=le*`);
  const staticJson = await requestsPerSecond(`${base}/static-page.json`);
  const results = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
    keystrokeToList: {
      remote: { medianMs: round(median(remote)), p95Ms: round(p95(remote)), pageKB: round((await pageBytes('/timecard')) / 1024) },
      inPage: { medianMs: round(median(local)), p95Ms: round(p95(local)), pageKB: round((await pageBytes('/bench/in-page')) / 1024) },
      ratio: ratio(median(remote), median(local)),
    },
    endpoint: { choicesPerSecond: round(endpoint, 0), staticJsonPerSecond: round(staticJson, 0), ratio: ratio(endpoint, staticJson) },
  };
  fs.writeFileSync(path.join(root, 'bench/choices-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
} finally {
  server.close();
}
