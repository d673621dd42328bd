// The few parts of NLP.js (@nlpjs/basic, a devDependency) that bench/nlpjs-compare.ts uses.
declare module '@nlpjs/basic' {
  export interface NlpJs {
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<{ intent: string; score: number; classifications?: Array<{ intent: string; score: number }> }>;
  }
  export interface Container {
    register(name: string, value: unknown): void;
  }
  export function containerBootstrap(): Promise<Container>;
  export const Nlp: new (settings: Record<string, unknown>, container: Container) => NlpJs;
}
