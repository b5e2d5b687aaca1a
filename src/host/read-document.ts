/**
 * Bytes → document text, refusing what is not a text document. A file above the size limit or
 * with a NUL byte (binary) is refused with a reason. Invalid UTF-8 is decoded with U+FFFD in
 * place of the bad bytes — the rest of the document is still worth checking — and reported as
 * an `invalid-encoding` error at the first bad byte, so the document cannot pass.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import type { LintMessage, LintResult } from '../engine/types.js';
import { INVALID_ENCODING } from '../engine/types.js';
import { BOM, SourceText, stripBom } from '../markdown/source.js';
import { sortMessages, toResult } from '../engine/run-rules.js';
import { describeFsError } from './discover.js';

/** `--max-file-size` by default: far above any hand-written document, low enough to stop a runaway file. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Where the first invalid byte is: its byte offset, and the offset of its U+FFFD in the decoded text. */
export interface EncodingError {
  byte: number;
  offset: number;
}

export type Decoded = { text: string; encodingError: EncodingError | null } | { refused: string };

/** `size` is the file's size when the caller refused to read it for being too large. */
export function decodeDocument(bytes: Buffer, maxBytes: number = DEFAULT_MAX_FILE_SIZE, size = bytes.length): Decoded {
  if (size > maxBytes) return { refused: `cannot lint: ${formatSize(size)} is more than --max-file-size (${formatSize(maxBytes)}); raise the limit to lint it` };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { refused: `cannot lint: a binary file (a NUL byte at byte offset ${nul}), not a Markdown document` };
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text, encodingError: null };
  const byte = firstInvalidUtf8(bytes);
  // The valid prefix decodes to the same characters at the start of the text.
  return { text, encodingError: { byte, offset: bytes.subarray(0, byte).toString('utf8').length } };
}

/**
 * A file's text, or why it is not linted (unreadable, too large, binary). Read synchronously: a
 * document is read in far less time than an asynchronous read leaves the thread that lints idle,
 * waiting for its turns through the event loop (docs/performance.md).
 */
export function readDocument(file: string, maxBytes: number = DEFAULT_MAX_FILE_SIZE): Decoded {
  try {
    // Look at the size first: a runaway file is refused without being read into memory.
    const { size } = statSync(file);
    if (size > maxBytes) return decodeDocument(Buffer.alloc(0), maxBytes, size);
    return decodeDocument(readFileSync(file), maxBytes);
  } catch (error) {
    return { refused: `cannot read: ${describeFsError(error)}` };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return at;
    // The second byte's range depends on the lead byte (no overlong forms, no surrogates, nothing above U+10FFFF).
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let index = 1; index < length; index++) {
      const byte = bytes[at + index];
      if (byte === undefined) return at;
      const [min, max] = index === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) return at;
    }
    at += length;
  }
  return bytes.length;
}

/** The result with an `invalid-encoding` error at the first bad byte (shown as U+FFFD in the text). */
export function withEncodingError(result: LintResult, text: string, error: EncodingError): LintResult {
  const { text: body, hasBom } = stripBom(text);
  const { line, column } = new SourceText(body).position(Math.max(0, error.offset - (hasBom ? BOM.length : 0)));
  const message: LintMessage = {
    ruleId: INVALID_ENCODING,
    severity: 'error',
    message: `The file is not valid UTF-8 (byte offset ${error.byte}): save it as UTF-8; bad bytes were read as U+FFFD`,
    line,
    column,
    endLine: line,
    endColumn: column + 1,
  };
  return { ...toResult(result.filePath, sortMessages([message, ...result.messages]), result.suppressedMessages, result.completeness), ...(result.output === undefined ? {} : { output: result.output }) };
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

/** `--max-file-size 10MB`, `500KB`, `2000000`: bytes, or null when it does not read as a size. */
export function parseSize(text: string): number | null {
  const match = /^(\d{1,12}(?:\.\d{1,3})?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!match) return null;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  const bytes = Math.round(Number(match[1]) * unit);
  return bytes > 0 ? bytes : null;
}
