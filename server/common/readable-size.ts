// A size in bytes as people read it, for messages and pages: "2 MB", "512 KB".
import bytes from 'bytes';

export const readableSize = (n: number): string => bytes.format(n, { unitSeparator: ' ', decimalPlaces: 1 }) ?? `${n} B`;
