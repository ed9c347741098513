// Fills the demo's register form the way a user types it, and submits it.
import type { Page, Response } from '@playwright/test';
import { submitForm } from './submit.js';

export interface RegisterValues {
  username: string;
  email?: string;
  password?: string;
  confirm?: string;
}

export async function fillRegister(page: Page, values: RegisterValues): Promise<void> {
  const { username, email = 'ada@example.org', password = 'correct horse', confirm = password } = values;
  await page.locator('#register-username').fill(username);
  await page.locator('#register-email').fill(email);
  await page.locator('#register-password').fill(password);
  await page.locator('#register-confirm').fill(confirm);
}

/** Clicks Register and returns the response to the POST. */
export async function submitRegister(page: Page): Promise<Response> {
  return submitForm(page, page.getByRole('button', { name: 'Register' }));
}
