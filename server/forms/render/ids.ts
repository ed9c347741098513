// The ids of a form's parts, in one place: the HTML has them, the widget spec points at them, and the
// client finds the parts by them (aria links, error texts, rows, sections).
import type { CompiledField, CompiledForm, CompiledList, CompiledUnion, CompiledUpload } from '../model/compiled-form.js';

/** Ids of the parts around a field, shared with the widget code (aria links, error text). */
export const partIds = (field: CompiledField) => ({
  wrapper: `${field.id}-field`,
  help: `${field.id}-help`,
  error: `${field.id}-error`,
  warning: `${field.id}-warning`,
  choice: (i: number) => `${field.id}-${i}`,
});

export const submitId = (form: CompiledForm) => `${form.id}-submit`;

/** The button that shows a dependent source's choices without JavaScript (hidden by the page with it). */
export const choicesButtonId = (field: CompiledField) => `${field.id}-choices`;

/** Group markups: a box or a radio per choice, each its own control (and widget). */
export const isGroup = (field: CompiledField) => field.markup === 'checkboxes' || field.markup === 'radios';

/** Where a link to a field lands: its control, or a group's first choice. */
export const focusTarget = (field: CompiledField) => (isGroup(field) ? partIds(field).choice(0) : field.id);

/** Ids of a list's parts, shared with the widget spec and the client. */
export const listIds = (list: CompiledList) => ({
  rows: `${list.id}-rows`,
  template: `${list.id}-template`,
  help: `${list.id}-help`,
  error: `${list.id}-error`,
  row: (index: number | string) => `${list.id}-${index}-row`,
});

/** The id of a branch's section, shared with the widget spec and the client. */
export const sectionId = (union: CompiledUnion, value: string) => `${union.id}-${value.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Ids of a file field's parts, shared with the widget spec and the client. */
export const uploadIds = (upload: CompiledUpload) => ({
  wrapper: `${upload.id}-field`,
  help: `${upload.id}-help`,
  error: `${upload.id}-error`,
  kept: `${upload.id}-kept`,
  progress: `${upload.id}-progress`,
  remove: (i: number) => `${upload.id}-remove-${i}`,
});
