// natural's index pulls in every storage backend and prints to stdout on import;
// we import the one tokenizer module we use directly.
declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer_vi.js' {
  export default class AggressiveTokenizerVi {
    tokenize(text: string): string[];
  }
}
