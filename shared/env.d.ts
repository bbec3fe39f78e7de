/**
 * The few runtime globals that `shared/` may use. They exist both in browsers and in
 * Node.js (WHATWG Encoding), so declaring them here keeps `shared/` free of the DOM and
 * Node type libraries while still letting it decode bytes.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly href: string;
}
