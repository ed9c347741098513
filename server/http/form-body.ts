// Parses POSTed form bodies (urlencoded, flat names: `address.street` stays one key) within the limits
// of the settings. Any body the parser cannot take (too large, too many fields, a charset or encoding it
// does not read, a corrupt gzip stream) is answered here with a 4xx and a plain reason, in every mode:
// never a stack trace. Values whose bytes are not UTF-8 are marked, so that forms report them.
import { isUtf8 } from 'node:buffer';
import querystring from 'node:querystring';
import express, { type Request, type RequestHandler } from 'express';
import { NOT_UTF8, type ParsedBody } from '../forms/request/coerce.js';
import type { ResolvedSettings } from '../settings/settings.js';
import type { OurWords } from '../words/our-words.js';
import { requestWords } from './refusals.js';

/** body-parser's error types, answered with their status and a plain reason in the request's words. */
const REASONS: Record<string, keyof OurWords['body']> = {
  'entity.too.large': 'tooLarge',
  'parameters.too.many': 'tooManyFields',
  'charset.unsupported': 'charset',
  'encoding.unsupported': 'encoding',
  'request.aborted': 'aborted',
};

const notUtf8Names = new WeakMap<Request, Set<string>>();
const isHex = (byte: number) => (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66);

/** The bytes an urlencoded value stands for: `+` is a space, `%XX` one byte, anything else itself. */
function decodedBytes(encoded: Buffer): Buffer {
  const out = Buffer.alloc(encoded.length);
  let n = 0;
  for (let i = 0; i < encoded.length; i++) {
    const byte = encoded[i] ?? 0;
    const hi = encoded[i + 1] ?? 0;
    const lo = encoded[i + 2] ?? 0;
    if (byte === 0x25 && isHex(hi) && isHex(lo)) {
      out[n++] = Number.parseInt(String.fromCharCode(hi, lo), 16);
      i += 2;
    } else out[n++] = byte === 0x2b ? 0x20 : byte;
  }
  return out.subarray(0, n);
}

/**
 * The names whose values are not UTF-8 once decoded. Most bodies are ASCII with no escaped byte above
 * 0x7F, and are passed in one scan.
 */
function namesNotUtf8(body: Buffer): Set<string> {
  const names = new Set<string>();
  const text = body.toString('latin1');
  if (isUtf8(body) && !/%[89a-f]/i.test(text)) return names;
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    const value = Buffer.from(eq < 0 ? '' : pair.slice(eq + 1), 'latin1');
    if (!isUtf8(decodedBytes(value))) names.add(querystring.unescape(Buffer.from(eq < 0 ? pair : pair.slice(0, eq), 'latin1').toString('utf8').replace(/\+/g, ' ')));
  }
  return names;
}

export function formBodyParser(settings: ResolvedSettings): RequestHandler {
  const parse = express.urlencoded({
    extended: false,
    limit: settings.bodyLimit,
    parameterLimit: settings.maxFields,
    verify: (req, _res, body) => {
      const names = namesNotUtf8(body);
      if (names.size) notUtf8Names.set(req as Request, names);
    },
  });
  return (req, res, next) => {
    parse(req, res, (err?: { type?: string; status?: number }) => {
      if (!err) {
        const names = notUtf8Names.get(req);
        if (names && req.body && typeof req.body === 'object') Object.defineProperty(req.body as ParsedBody, NOT_UTF8, { value: names });
        return next();
      }
      // A parameter limit error is a 413 too: the request is too large in fields rather than bytes.
      const status = err.type === 'parameters.too.many' ? 413 : err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
      const words = requestWords(req).body;
      const reason = words[(err.type && REASONS[err.type]) || 'unreadable'];
      res.status(status).type('text/plain').send(typeof reason === 'string' ? reason : words.unreadable);
    });
  };
}
