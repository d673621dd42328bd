// Typed view of the one natural module we use (see src/nlu/vi/natural-tokenizer.d.ts for why).
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  interface ApparatusBayes {
    classFeatures: Record<string, Record<number, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
    /** A dense 0/1 array, or (sparse) an object whose values are the indices of present features. */
    addExample(observation: number[] | Record<number, number>, label: string): void;
  }
  export default class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    features: Record<string, number>;
    classifier: ApparatusBayes;
    docs: Array<{ label: string; text: string[] }>;
    addDocument(text: string[], label: string): void;
    train(): void;
  }
}
