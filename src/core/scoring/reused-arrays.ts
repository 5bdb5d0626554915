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

export class ReusedInt32 {
  private buffer = new Int32Array(0);

  /** A zeroed array of `length` elements. */
  take(length: number): Int32Array {
    if (length > MAX_KEPT) return new Int32Array(length);
    if (this.buffer.length < length) this.buffer = new Int32Array(Math.max(length, Math.min(MAX_KEPT, this.buffer.length * 2)));
    const view = this.buffer.subarray(0, length);
    view.fill(0);
    return view;
  }
}

export class ReusedUint8 {
  private buffer = new Uint8Array(0);

  /** A zeroed array of `length` elements. */
  take(length: number): Uint8Array {
    if (length > MAX_KEPT) return new Uint8Array(length);
    if (this.buffer.length < length) this.buffer = new Uint8Array(Math.max(length, Math.min(MAX_KEPT, this.buffer.length * 2)));
    const view = this.buffer.subarray(0, length);
    view.fill(0);
    return view;
  }
}

export class ReusedFloat64 {
  private buffer = new Float64Array(0);

  /** A zeroed array of `length` elements. */
  take(length: number): Float64Array {
    if (length > MAX_KEPT) return new Float64Array(length);
    if (this.buffer.length < length) this.buffer = new Float64Array(Math.max(length, Math.min(MAX_KEPT, this.buffer.length * 2)));
    const view = this.buffer.subarray(0, length);
    view.fill(0);
    return view;
  }
}
