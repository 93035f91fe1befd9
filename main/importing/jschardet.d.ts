// jschardet ships no type declarations; the part the importer uses.
declare module 'jschardet' {
  interface Detection {
    encoding: string;
    confidence: number;
  }
  export function detectAll(buffer: Buffer, options?: { minimumThreshold?: number; detectEncodings?: string[] }): Detection[];
  const jschardet: { detectAll: typeof detectAll };
  export default jschardet;
}
