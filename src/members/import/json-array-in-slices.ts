import { yieldToEventLoop } from '../../http/unsafe-input';

/** Parses one JSON text (an element of the array) or throws what the body parser throws for bad JSON. */
export type ParseJson = (text: string) => unknown;

/** Longest stretch of parsing before other requests get their turn. */
const SLICE_MS = 20;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A JSON array parsed element by element, yielding to the event loop between slices, so that a
 * multi-megabyte import does not hold every other request for the length of one JSON.parse. Each
 * element goes through `parse` (the body parser's own, with its checks); anything that is not a
 * well-formed array is refused by giving `parse` the piece that is wrong, so the error is the same
 * as for any bad JSON body. Text that is not an array at all is parsed whole.
 */
export async function parseJsonArrayInSlices(text: string, parse: ParseJson): Promise<unknown> {
  let at = skipWhitespace(text, 0);
  if (text.charCodeAt(at) !== OPEN_BRACKET) return parse(text);
  const elements: unknown[] = [];
  let sliceStart = performance.now();
  at = skipWhitespace(text, at + 1);
  if (text.charCodeAt(at) === CLOSE_BRACKET) return endOfArray(text, at, elements, parse);
  for (;;) {
    const end = elementEnd(text, at);
    const element = text.slice(at, end);
    const separator = text.charCodeAt(end);
    if (element.trim() === '' || (separator !== COMMA && separator !== CLOSE_BRACKET)) return refuse(parse);
    elements.push(parse(element));
    if (separator === CLOSE_BRACKET) return endOfArray(text, end, elements, parse);
    at = end + 1; // past the comma
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}

/** After the closing bracket only whitespace may follow. */
function endOfArray(text: string, closing: number, elements: unknown[], parse: ParseJson): unknown[] {
  if (skipWhitespace(text, closing + 1) < text.length) refuse(parse);
  return elements;
}

/** The body parser's own answer to text that is not JSON. */
function refuse(parse: ParseJson): never {
  parse(']');
  throw new SyntaxError('Unexpected token');
}

/** Where the element starting at `from` ends: the comma or closing bracket after it, outside strings and nesting. */
function elementEnd(text: string, from: number): number {
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = stringEnd(text, at);
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth === 0) return at;
      depth--;
    } else if (code === COMMA && depth === 0) {
      return at;
    }
  }
  return text.length;
}

/** The closing quote of the string opening at `from` (or the end of the text). */
function stringEnd(text: string, from: number): number {
  for (let at = from + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === BACKSLASH) at++;
    else if (code === QUOTE) return at;
  }
  return text.length;
}

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')) at++;
  return at;
}
