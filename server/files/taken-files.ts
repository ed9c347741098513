// Which multipart bodies a form took the files of (a parse read its file fields): the new files of a POST
// that no form parsed (a 404, a route that ignores the form) are removed as soon as it is answered, not
// left for the sweep.
const taken = new WeakSet<object>();

/** Marks that a form read the files of this body. */
export const takeFiles = (body: object): void => void taken.add(body);

/** Whether a form read the files of this body. */
export const filesTaken = (body: object): boolean => taken.has(body);
