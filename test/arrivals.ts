// Test helper: a handler's slowness that ends once `count` requests have reached the server(s), so that
// a race (a double click, two processes at once) happens whatever the machine's speed: `before` runs ahead
// of dojo() and counts the requests `counts` picks; `wait` is what the slow handler awaits.
import type { Request, RequestHandler } from 'express';

export interface Arrivals {
  before: RequestHandler;
  wait: () => Promise<void>;
}

export function untilArrived(count: number, counts: (req: Request) => boolean = (req) => req.method === 'POST'): Arrivals {
  let arrived = 0;
  let allIn = () => {};
  const everyone = new Promise<void>((resolve) => (allIn = resolve));
  return {
    before: (req, _res, next) => {
      if (counts(req) && ++arrived === count) allIn();
      next();
    },
    wait: () => everyone,
  };
}
