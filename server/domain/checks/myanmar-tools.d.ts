// myanmar-tools 1.1.3 ships no types (STACK.md); only what Tandem calls is declared.
declare module 'myanmar-tools' {
  interface ZawgyiDetector {
    /** 0..1, or -Infinity when the text has no Myanmar characters. */
    getZawgyiProbability(input: string): number;
  }
  interface ZawgyiConverter {
    zawgyiToUnicode(input: string): string;
    unicodeToZawgyi(input: string): string;
  }
  const tools: {
    ZawgyiDetector: new () => ZawgyiDetector;
    ZawgyiConverter: new () => ZawgyiConverter;
  };
  export = tools;
}
