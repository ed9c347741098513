// A file field as plain HTML that works with JavaScript off: a file input with the types it takes
// (`accept`) and `multiple`, and the files kept from a refused POST, each with its name and size, its
// token in a hidden field (posted again, so the user does not choose it again) and a "Remove" checkbox.
// Choosing another file replaces a single file, or adds to several.
import { attributes, escapeHtml } from '../../common/escape.js';
import type { CompiledUpload } from '../model/compiled-form.js';
import type { FormState, KeptFile } from '../model/form-state.js';
import { KEPT_FILE_FIELD, REMOVE_FILE_FIELD } from '../model/posted-names.js';
import { filled } from '../../words/our-words.js';
import { readableSize } from '../../common/readable-size.js';
import { uploadIds } from './ids.js';

/** One kept file: its hidden token, its name and size, and the checkbox that removes it. */
export function keptFileHtml(upload: CompiledUpload, file: KeptFile, index: number): string {
  const removeId = uploadIds(upload).remove(index);
  return (
    `<li class="dijitize-kept-file"><input${attributes({ type: 'hidden', name: KEPT_FILE_FIELD, value: file.token })}>` +
    `<span class="dijitize-file-name">${escapeHtml(file.name)}</span> <span class="dijitize-file-size">(${escapeHtml(readableSize(file.size))})</span> ` +
    `<span class="dijitize-choice"><input${attributes({ type: 'checkbox', id: removeId, name: REMOVE_FILE_FIELD, value: file.id })}>` +
    `<label${attributes({ for: removeId })}>${escapeHtml(filled(upload.texts.remove, { file: file.name }))}</label></span></li>`
  );
}

/** A file field: label, kept files, input, help and error text (a live region, empty without an error). */
export function uploadHtml(upload: CompiledUpload, state: Partial<FormState>): string {
  const ids = uploadIds(upload);
  const error = state.errors?.[upload.path];
  const kept = state.files?.[upload.path] ?? [];
  const replaceText = kept.length ? (upload.facts.multiple ? upload.texts.add : upload.texts.replace) : '';
  const helpText = [upload.help, replaceText].filter(Boolean).join(' ');
  const described = [kept.length ? ids.kept : '', helpText ? ids.help : '', error ? ids.error : ''].filter(Boolean).join(' ') || undefined;
  const input = attributes({
    type: 'file',
    id: upload.id,
    name: upload.name,
    accept: upload.accept || undefined,
    multiple: upload.facts.multiple,
    // Required only while nothing is kept: a kept file is the field's value.
    required: upload.facts.required && kept.length === 0,
    'aria-describedby': described,
    'aria-invalid': error ? 'true' : undefined,
  });
  const keptList = kept.length
    ? `<ul${attributes({ class: 'dijitize-kept-files', id: ids.kept, 'aria-label': filled(upload.texts.kept, { field: upload.label }) })}>${kept.map((f, i) => keptFileHtml(upload, f, i)).join('')}</ul>`
    : `<ul${attributes({ class: 'dijitize-kept-files', id: ids.kept, hidden: true })}></ul>`;
  const help = helpText ? `<span${attributes({ class: 'dijitize-help', id: ids.help })}>${escapeHtml(helpText)}</span>` : '';
  const errorText = `<span${attributes({ class: 'dijitize-error', id: ids.error, role: 'alert' })}>${error ? escapeHtml(error) : ''}</span>`;
  const classes = `dijitize-field dijitize-file${error ? ' dijitize-invalid' : ''}`;
  return (
    `<div${attributes({ class: classes, id: ids.wrapper })}><label${attributes({ for: upload.id })}>${escapeHtml(upload.label)}</label>` +
    `${keptList}<input${input}>${help}${errorText}<div${attributes({ class: 'dijitize-upload-progress', id: ids.progress })}></div></div>`
  );
}
