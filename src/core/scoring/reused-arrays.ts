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

export class ReusedFloat64 extends ReusedTypedArray<Float64Array<ArrayBuffer>> {
  constructor() {
    super((length) => new Float64Array(length));
  }
}
