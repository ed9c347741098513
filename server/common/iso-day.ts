// Calendar days as DateTextBox and `<input type=date>` say them (`yyyy-mm-dd`, UTC): read by the schema's
// bounds at definition and by each POST's dates.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Date as the calendar day `yyyy-mm-dd` (UTC) that DateTextBox and `<input type=date>` use. */
export const toIsoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** A valid calendar day `yyyy-mm-dd` as a Date at UTC midnight, else null. */
export function isoDayToDate(text: string): Date | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return toIsoDay(date) === text ? date : null;
}
