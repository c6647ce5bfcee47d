/** The JSON an audit record is made of (the protocol layer's views fit it as they are). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * A JSON object written member by member, so that parts already serialized (a caller's
 * identity, made once per caller) go in as their text instead of being serialized again
 * with every record. Keys are the record's own constant names.
 */
export class JsonObjectWriter {
  #text = '';

  /** A member whose value is JSON text already. */
  text(key: string, json: string): this {
    this.#text += `${this.#text === '' ? '{' : ','}"${key}":${json}`;
    return this;
  }

  value(key: string, value: JsonValue): this {
    return this.text(key, JSON.stringify(value));
  }

  end(): string {
    return this.#text === '' ? '{}' : `${this.#text}}`;
  }
}
