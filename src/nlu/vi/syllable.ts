// The shape of a Vietnamese syllable once folded to plain letters: onset, vowel nucleus, coda.
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
const NUCLEUS = '(?:uye|uya|uyu|uoi|uou|oai|oay|oao|oeo|uay|uai|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|a|e|i|o|u|y)';
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

/** True for a folded (no diacritics) token that can be a Vietnamese syllable, e.g. "nguoi". */
export function isFoldedSyllable(token: string): boolean {
  return token.length <= 7 && SYLLABLE.test(token);
}
