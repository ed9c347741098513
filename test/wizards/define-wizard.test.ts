// defineWizard checks a definition at once: each mistake names the wizard and the step, and says what to do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm } from '../../server/index.js';
import { defineWizard, WizardDefinitionError, type WizardData } from '../../server/wizards/index.js';
import { memoryStore } from '../../server/stores/index.js';
import { confirm, pet, STEPS, you } from './pet-wizard.js';

const refusal = (make: () => unknown, message: RegExp) => assert.throws(make, (err: unknown) => err instanceof WizardDefinitionError && message.test(err.message));

describe('defineWizard', () => {
  it('refuses wrong names, no steps, twin steps and forms that are not defined', () => {
    refusal(() => defineWizard('Claim Form', STEPS), /^Wizard "Claim Form": its name must be lower-case letters/);
    refusal(() => defineWizard('claim', []), /^Wizard "claim": it needs at least one step\nSee node_modules\/dijitize\/docs\/wizards\.md$/);
    refusal(() => defineWizard('claim', [{ name: 'you', form: you }, { name: 'you', form: pet }]), /^Wizard "claim", step "you": two steps have this name\n/);
    refusal(() => defineWizard('claim', [{ name: 'your pet', form: pet }]), /^Wizard "claim", step "your pet": a step's name must be/);
    refusal(() => defineWizard('claim', [{ name: 'you', form: {} as typeof you }]), /step "you": its form must be made by defineForm\(\)/);
    refusal(() => defineWizard('claim', [{ name: 'you', form: you, when: true as unknown as () => boolean }]), /step "you": when must be a function/);
  });

  it('refuses steps with files or a prefix, and state bounds a cookie cannot hold', () => {
    const files = defineForm('wizard-test-files', z.object({ scan: z.file() }));
    refusal(() => defineWizard('claim', [{ name: 'scan', form: files }]), /step "scan": form "wizard-test-files" takes files, which wizard steps do not keep yet/);
    const prefixed = defineForm('wizard-test-prefixed', z.object({ a: z.string() }), { prefix: 'p' });
    refusal(() => defineWizard('claim', [{ name: 'a', form: prefixed }]), /step "a": form "wizard-test-prefixed" has a prefix/);
    refusal(() => defineWizard('claim', STEPS, { maxStateSize: 10_000 }), /maxStateSize: sealed state travels in a cookie, which holds at most 3800 bytes of it; for more, give a store/);
    assert.equal(defineWizard('claim', STEPS, { maxStateSize: 10_000, store: memoryStore() }).maxStateSize, 10_000);
    refusal(() => defineWizard('claim', STEPS, { ttl: 5 }), /ttl must be a whole number of seconds, at least 60/);
    refusal(() => defineWizard('claim', STEPS, { texts: { nxt: 'Weiter' } as never }), /texts\.nxt is not one of next, back, finish/);
  });

  it('types its data: each step\'s output by name, a step with when() possibly absent', () => {
    const wizard = defineWizard('claim', [
      { name: 'you', form: you },
      { name: 'pet', form: pet, when: () => true },
      { name: 'confirm', form: confirm },
    ]);
    type Data = WizardData<typeof wizard.steps>;
    const data: Data = { you: { name: 'Ada', hasPet: false }, pet: undefined, confirm: { sure: true } };
    // @ts-expect-error: a step without when() is always taken, so its data is always there
    const partial: Data = { you: { name: 'Ada', hasPet: false }, pet: undefined, confirm: undefined };
    // @ts-expect-error: each step's data is its schema's output
    const wrong: Data = { you: { name: 42, hasPet: false }, pet: undefined, confirm: { sure: true } };
    assert.equal(data.you.name, 'Ada');
    assert.ok(partial && wrong);
  });
});
