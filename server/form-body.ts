// Parses POSTed form bodies (urlencoded, flat names: `address.street` stays one key) within the limits
// of the settings, and answers a body that breaks them with a 4xx that says why.
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ResolvedSettings } from './settings.js';

/** body-parser's error types, answered with their status and a plain reason. */
const REASONS: Record<string, string> = {
  'entity.too.large': 'The form data is larger than this server accepts.',
  'parameters.too.many': 'The form has more fields than this server accepts.',
  'charset.unsupported': 'The form data uses a character set this server does not accept.',
  'encoding.unsupported': 'The form data uses a content encoding this server does not accept.',
  'request.aborted': 'The request was aborted.',
  'entity.parse.failed': 'The form data could not be read.',
  'entity.verify.failed': 'The form data could not be read.',
};

export function formBodyParser(settings: ResolvedSettings): RequestHandler {
  return express.urlencoded({ extended: false, limit: settings.bodyLimit, parameterLimit: settings.maxFields });
}

export const formBodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, next) => {
  const reason = err.type ? REASONS[err.type] : undefined;
  if (!reason || !err.status) return next(err);
  // A parameter limit error is a 413 too: the request is too large in fields rather than bytes.
  const status = err.type === 'parameters.too.many' ? 413 : err.status;
  res.status(status).type('text/plain').send(reason);
};
