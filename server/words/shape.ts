// The shape of dijitize's own words (every language's file has them all): what each says, and which
// placeholders it has. our-words.ts picks a language's; en.ts, de.ts and ar.ts are the words.
/** A message that counts: its words depend on the number (one file, two files). */
export type Counted = (n: number) => string;

/** Plain default messages for a refused value, one per kind of check (a field's own `messages` come first). */
export interface PlainMessages {
  minLength: Counted;
  maxLength: Counted;
  /** `{bound}`: a number or a day, in the locale's digits and separators. */
  atLeast: string;
  moreThan: string;
  atMost: string;
  lessThan: string;
  /** `{step}`. */
  multipleOf: string;
  email: string;
  url: string;
  number: string;
  date: string;
  choice: string;
  /** A list of words separated by commas (`z.array(z.string())`) with too few or too many. */
  fewestWords: Counted;
  mostWords: Counted;
  notText: string;
  tooLong: string;
}

/**
 * A list's row texts (the `rowTexts` option): `row` and the `...Row` names hold `{n}` for the row's place.
 * @public
 */
export interface RowTexts {
  /** A row's name (its legend): "Item {n}". */
  row: string;
  /** The add button's text and name: "Add item". */
  add: string;
  /** A row's buttons' texts ("Remove") and names, which say which row ("Remove item {n}"). */
  remove: string;
  removeRow: string;
  up: string;
  upRow: string;
  down: string;
  downRow: string;
}

/** Every word of ours in one language. */
export interface OurWords {
  form: {
    submit: string;
    /** The error summary's heading. */
    problem: string;
    /** The error summary's last line when it lists only some of the errors. */
    moreErrors: Counted;
    /** The page title of a form shown again with errors: `{title}` is the app's. */
    errorTitle: string;
    /** The button that asks the server for a field's choices (JavaScript off), and its name: `{field}`. */
    showChoices: string;
    showChoicesOf: string;
    /** The button that shows a union's section for the chosen value (JavaScript off). */
    switchSection: string;
    /** What a screen reader says of a select's empty choice. */
    noChoice: string;
    tooManyChoices: Counted;
    /** A server check that threw: the field's, and the form's. */
    fieldNotChecked: string;
    formNotChecked: string;
    /** A value the user's roles hide that is not valid. */
    hiddenInvalid: string;
    /** A POST from a page of an earlier definition of the form (a deploy meanwhile): the summary's notice, and a new field's mark. */
    changed: string;
    newField: string;
    /** Warnings (a `warn` option): the summary's heading and text, a warning's mark for screen readers, and the box that confirms it. */
    warningsTitle: string;
    warningsIntro: string;
    warning: string;
    sendAnyway: string;
    /** A field with choices from a source: a text too long to search, several matches, none (`{text}`). */
    choiceTooLong: Counted;
    severalMatch: string;
    noMatch: string;
  };
  /** A list's rows; `{Item}` is the item label as given, `{item}` in lower case, `{n}` the row's place. */
  rows: RowTexts & {
    /** The item label of a list that gives none. */
    item: string;
    fewest: Counted;
    most: Counted;
  };
  /** A file field; `{file}` is the file's name, `{size}` a size, `{types}` the types it takes, `{field}` its label. */
  uploads: {
    required: string;
    fewest: Counted;
    most: Counted;
    tooLarge: string;
    tooSmall: string;
    wrongType: string;
    lost: string;
    /** The list of kept files, named after its field. */
    kept: string;
    remove: string;
    replace: string;
    add: string;
    uploading: string;
    cancel: string;
    failed: string;
    waiting: string;
    dontSend: string;
    /** A complete upload while `uploads.scan` looks at it; then its verdicts: `{file}` is its name. */
    scanning: string;
    /** A resumable upload without a connection: it goes on when the connection is back. */
    offline: string;
    infected: string;
    scanFailed: string;
  };
  /** `changed`: a draft kept from an earlier definition of the form (a deploy since). */
  draft: { restored: string; changed: string; discard: string };
  /** An edit whose record was saved meanwhile; `{value}` the saved value. */
  conflict: { summary: string; saved: string; savedRows: Counted };
  /** A wizard's own parts; `{n}` and `{total}` count steps, `{size}` is a size. */
  wizard: {
    next: string;
    back: string;
    finish: string;
    steps: string;
    stepOf: string;
    change: string;
    yes: string;
    no: string;
    expired: string;
    tampered: string;
    foreign: string;
    finished: string;
    start: string;
    tooLarge: string;
  };
  /** The pages of what dijitize refuses: a heading and why. */
  refusals: {
    alreadySent: [string, string];
    stillSending: [string, string];
    notAccepted: string;
    /** A cross-site POST: from a sibling domain, or from another site. */
    crossSibling: string;
    crossSite: string;
    noCookie: string;
    noToken: string;
    /** `{lifetime}`: how long a form may stay open, in hours or minutes. */
    expired: string;
    hours: Counted;
    minutes: Counted;
    mismatch: string;
    /** An edit form's POST without the record's version, or with one changed on the way. */
    noVersion: string;
    versionChanged: string;
    notAllowed: [string, string];
    /** A wizard's URL that names no instance or no step of it. */
    noSuchStep: [string, string];
    badRequest: [string, string];
  };
  /** Why a POST's body was refused (a 4xx a user may meet: too large, too many, too slow); `{size}` a size. */
  body: {
    total: string;
    fileSize: string;
    files: Counted;
    fields: Counted;
    fieldSize: string;
    text: string;
    parts: Counted;
    header: string;
    /** The most seconds an upload may take. */
    time: Counted;
    /** More files for a field (`{field}`, its label) than it takes. */
    fieldFiles: Counted;
    encoding: string;
    charset: string;
    aborted: string;
    unreadable: string;
    tooLarge: string;
    tooManyFields: string;
  };
  plain: PlainMessages;
}
