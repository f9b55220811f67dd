/**
 * Strings seen already, each kept once: what many pages name (an organisation, a country, a
 * reference to either) is held as one string, not as a copy per page.
 */
export class StringPool {
  readonly #strings = new Map<string, string>();

  /** The same value, its strings (at any depth of arrays and plain objects) replaced by those seen before. Changes `value` in place. */
  intern<T>(value: T): T {
    return this.#intern(value) as T;
  }

  #intern(value: unknown): unknown {
    if (typeof value === 'string') {
      const seen = this.#strings.get(value);
      if (seen !== undefined) return seen;
      this.#strings.set(value, value);
      return value;
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) value[index] = this.#intern(value[index]);
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = this.#intern(record[key]);
    }
    return value;
  }
}
