// Diacritic folding is a text primitive of its own (src/text/fold.ts), used by knowledge, the
// catalogue and training as well: the Vietnamese pack names it here too.
export { foldText, hasDiacritics } from '../../text/fold.js';
