// A wizard step's HTML around its form: the step list, the heading ("Step 2 of 4: Incident"), a review of
// the steps before, and Back. The wizard's buttons sit outside the <form> and belong to it by its id
// (`form=`), so the form itself renders as any other; a hidden Next comes first in the page, so that
// Enter in a field means Next, never a step list's button. Back and the step list's buttons have
// formnovalidate: they keep what was typed, unchecked.
import { attributes, escapeHtml } from '../common/escape.js';
import { WIZARD_FIELD } from './wizard-model.js';

export interface StepLink {
  name: string;
  title: string;
  /** Shown already: its button jumps to it (keeping what this step holds). */
  reached: boolean;
  current: boolean;
}

export interface ReviewSection {
  name: string;
  title: string;
  rows: Array<[label: string, value: string]>;
}

export interface StepPage {
  formId: string;
  formHtml: string;
  steps: StepLink[];
  /** "Step 2 of 4" and the step's title. */
  count: string;
  title: string;
  submitLabel: string;
  /** Back's text, or null on the first step. */
  back: string | null;
  stepsLabel: string;
  review: ReviewSection[];
  changeLabel: string;
  /** Whether the form shows errors: then its error summary takes the focus, not the heading. */
  hasErrors: boolean;
}

const wizardButton = (formId: string, value: string, text: string, more: Record<string, string> = {}) =>
  `<button${attributes({ type: 'submit', form: formId, name: WIZARD_FIELD, value, formnovalidate: true, ...more })}>${escapeHtml(text)}</button>`;

function stepList(page: StepPage): string {
  const items = page.steps.map((step) => {
    if (step.current) return `<li><span aria-current="step">${escapeHtml(step.title)}</span></li>`;
    if (step.reached) return `<li>${wizardButton(page.formId, `goto:${step.name}`, step.title, { class: 'dijitize-wizard-goto' })}</li>`;
    return `<li><span class="dijitize-wizard-later">${escapeHtml(step.title)}</span></li>`;
  });
  return `<nav${attributes({ class: 'dijitize-wizard-steps', 'aria-label': page.stepsLabel })}><ol>${items.join('')}</ol></nav>`;
}

function reviewHtml(page: StepPage): string {
  if (!page.review.length) return '';
  const sections = page.review.map((section) => {
    const rows = section.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
    const change = wizardButton(page.formId, `goto:${section.name}`, page.changeLabel, { 'aria-label': `${page.changeLabel}: ${section.title}`, class: 'dijitize-wizard-change' });
    return `<section class="dijitize-wizard-review-step"><h3>${escapeHtml(section.title)}</h3><dl>${rows}</dl>${change}</section>`;
  });
  return `<div class="dijitize-wizard-review">${sections.join('')}</div>`;
}

/** A step's whole HTML: what the app's page puts where the wizard goes. */
export function stepHtml(page: StepPage): string {
  const headingId = `${page.formId}-step`;
  const defaultNext = `<button${attributes({ type: 'submit', form: page.formId, hidden: true, tabindex: -1, class: 'dijitize-default' })}>${escapeHtml(page.submitLabel)}</button>`;
  // The heading takes the focus on each step (so a screen reader says where it is), unless errors do.
  const heading = `<h2${attributes({ id: headingId, tabindex: -1, autofocus: !page.hasErrors })}><span class="dijitize-wizard-count">${escapeHtml(page.count)}: </span>${escapeHtml(page.title)}</h2>`;
  const back = page.back ? `<div class="dijitize-wizard-back">${wizardButton(page.formId, 'back', page.back)}</div>` : '';
  return `<div${attributes({ class: 'dijitize-wizard', 'aria-labelledby': headingId, role: 'group' })}>\n${defaultNext}\n${stepList(page)}\n${heading}\n${reviewHtml(page)}\n${page.formHtml}\n${back}\n</div>`;
}

/** What shows when there is no step to show: why, and a link that starts the wizard again. */
export function problemHtml(message: string, startUrl: string, startText: string): string {
  return `<div class="dijitize-wizard dijitize-wizard-problem"><p role="alert">${escapeHtml(message)}</p><p><a${attributes({ href: startUrl })}>${escapeHtml(startText)}</a></p></div>`;
}
