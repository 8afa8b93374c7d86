/** A rule passed; `T` carries what the caller needs next. */
export type Ok<T extends object = object> = { readonly ok: true } & Readonly<T>;

/** A rule refused, with a machine-readable reason and whatever explains it. */
export type Refused<R extends string, T extends object = object> = { readonly ok: false; readonly reason: R } & Readonly<T>;
