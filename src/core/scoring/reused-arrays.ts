import { Buffer } from 'node:buffer';

/*
 * Typed arrays reused from one score to the next. A 2,000-word answer needs a dozen arrays of a
 * few thousand numbers each; allocated fresh on every score, their backing stores cost more than
 * the work done in them (V8 allocates each outside the heap and collects them with extra
 * garbage-collection work), and they made the slow tail of keyword scoring. Scoring is
 * synchronous, so one set of arrays serves every score, each array for one purpose only.
 *
 * A view handed out is valid until the next take() on the same ReusedInt32: only code that is
 * done with it by then (one score) may use one.
 */

/** Beyond this many elements an array is allocated for the caller and not kept. */
const MAX_KEPT = 1 << 20;

/** What reuse needs of a typed array: its length, a view of its start, and zeroing. */
interface TypedArrayLike<T> {
  readonly length: number;
  subarray(begin: number, end: number): T;
  fill(value: number): unknown;
}

class ReusedTypedArray<T extends TypedArrayLike<T>> {
  private buffer: T;

  constructor(private readonly allocate: (length: number) => T) {
    this.buffer = allocate(0);
  }

  /** A zeroed array of `length` elements. */
  take(length: number): T {
    if (length > MAX_KEPT) return this.allocate(length);
    if (this.buffer.length < length) this.buffer = this.allocate(Math.max(length, Math.min(MAX_KEPT, this.buffer.length * 2)));
    const view = this.buffer.subarray(0, length);
    view.fill(0);
    return view;
  }
}

export class ReusedInt32 extends ReusedTypedArray<Int32Array<ArrayBuffer>> {
  constructor() {
    super((length) => new Int32Array(length));
  }
}

export class ReusedUint8 extends ReusedTypedArray<Uint8Array<ArrayBuffer>> {
  constructor() {
    super((length) => new Uint8Array(length));
  }
}

export class ReusedUint16 extends ReusedTypedArray<Uint16Array<ArrayBuffer>> {
  constructor() {
    super((length) => new Uint16Array(length));
  }
}

export class ReusedFloat64 extends ReusedTypedArray<Float64Array<ArrayBuffer>> {
  constructor() {
    super((length) => new Float64Array(length));
  }
}

/**
 * Whether this machine stores a UTF-16 unit low byte first, as Buffer's 'utf16le' writes it.
 * Strings are copied into buffers as UTF-16LE: on a big-endian machine units are read one by one.
 */
export const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;
/** Beyond this many UTF-16 units a text gets a buffer of its own. */
const MAX_KEPT_UNITS = 64 * 1024;

/**
 * A text's UTF-16 code units in a reused buffer: the copy is one native conversion, and reading
 * a typed array is several times faster than String#charCodeAt in V8, so long answers are
 * scanned this way. A view handed out is valid until the next read() on the same object.
 */
export class ReusedCodeUnits {
  private buffer = Buffer.allocUnsafeSlow(0);

  read(text: string): Uint16Array {
    if (!LITTLE_ENDIAN) {
      const units = new Uint16Array(text.length);
      for (let index = 0; index < text.length; index += 1) units[index] = text.charCodeAt(index);
      return units;
    }
    if (text.length > MAX_KEPT_UNITS) {
      const bytes = Buffer.from(text, 'utf16le');
      return new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    }
    if (this.buffer.length < text.length * 2) this.buffer = Buffer.allocUnsafeSlow(Math.min(MAX_KEPT_UNITS, Math.max(text.length, 4096)) * 2);
    const written = this.buffer.write(text, 0, 'utf16le');
    // allocUnsafeSlow buffers own their memory from offset 0, so the view is aligned.
    return new Uint16Array(this.buffer.buffer, this.buffer.byteOffset, written >> 1);
  }
}
