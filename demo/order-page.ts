// /order: two forms on one page. A POST says which form sent it (form.isPosted); the other form shows
// blank. A list button sent without JavaScript (an intent) re-renders the order with the change made.
import type { Express, Request, Response } from 'express';
import type { FormDefinition, FormState } from '../server/index.js';
import { newsletter, order } from './order-forms.js';
import { countFor, saveResult, savedResult } from './visitor-results.js';

function render(req: Request, res: Response, states: { order?: Partial<FormState>; news?: Partial<FormState> } = {}): void {
  res.render('order.html', { order: req.dojo.form(order, states.order), news: req.dojo.form(newsletter, states.news) });
}

export function mountOrder(app: Express): void {
  app.get('/order', (req, res) => render(req, res));
  app.post('/order', (req, res) => {
    const form: FormDefinition = newsletter.isPosted(req.body) ? newsletter : order;
    const result = req.dojo.parse(form, req.body);
    if (!result.ok) {
      const state = form === order ? { order: result.state } : { news: result.state };
      return void render(req, res.status(result.intent ? 200 : 422), state);
    }
    // How many orders this visitor placed: a double click or a repeated POST places none more.
    const placed = countFor(req, res, '/order');
    saveResult(req, res, '/order', { saved: { form: form.name, ...result.data }, placed });
    res.redirect(303, '/order/done');
  });
  app.get('/order/done', (req, res) => {
    const last = savedResult(req, '/order') as { saved: unknown; placed: number } | undefined;
    res.render('done.html', { title: 'Order: saved', saved: { json: JSON.stringify(last?.saved ?? {}), placed: String(last?.placed ?? 0) }, back: '/order' });
  });
}
