/** Test-only encoders for legacy Arabic code pages, built from the platform's decoder tables. */

function encoderFor(label: string): Map<string, number> {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) {
    const char = decoder.decode(new Uint8Array([byte]));
    if (char !== '\uFFFD' && !table.has(char)) table.set(char, byte);
  }
  return table;
}

/** Encodes text as Windows-1256 bytes (throws on a character the code page lacks). */
export function encodeWindows1256(text: string): Uint8Array {
  const table = encoderFor('windows-1256');
  return Uint8Array.from([...text].map((char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`windows-1256 has no ${char}`);
    return byte;
  }));
}
