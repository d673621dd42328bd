// `npm run lint`: the house rules, checked by machine (and `npm run format` fixes the layout).
// Layout is checked by @stylistic's rules set to the style the code is written in, rather than
// rewritten by a formatter: the rules below are that style.
import tseslint from 'typescript-eslint';
import stylistic from '@stylistic/eslint-plugin';

/** `JSON.parse(text) as T` trusts data it has not checked; a JSON round trip of our own value is allowed. */
const UNCHECKED_JSON = {
  selector: "TSAsExpression > CallExpression.expression[callee.object.name='JSON'][callee.property.name='parse']:not([arguments.0.callee.property.name='stringify'])",
  message: 'Check parsed JSON with its zod schema (schema.parse / safeParse) instead of `JSON.parse(...) as T`.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'public/', 'bench/RESULTS.md'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { '@stylistic': stylistic },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',

      '@stylistic/indent': ['error', 2, { SwitchCase: 1, flatTernaryExpressions: true, offsetTernaryExpressions: false, ignoredNodes: ['TemplateLiteral *'] }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/arrow-parens': ['error', 'always'],
      '@stylistic/arrow-spacing': 'error',
      '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/key-spacing': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 2, maxEOF: 0, maxBOF: 0 }],
      '@stylistic/eol-last': 'error',
      '@stylistic/member-delimiter-style': 'error',
      '@stylistic/type-annotation-spacing': 'error',
      '@stylistic/space-before-function-paren': ['error', { anonymous: 'always', named: 'never', asyncArrow: 'always' }],
      '@stylistic/no-extra-semi': 'error',
      '@stylistic/quote-props': ['error', 'as-needed'],
    },
  },
  {
    // Data that comes from outside (files, HTTP, other processes) is parsed with its schema.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', UNCHECKED_JSON] },
  },
  {
    // Tests read the API's JSON answers as `any` to assert on them; the code under test may not.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The edges of the house: botbuilder stays in src/bot, lowdb in src/store.
    files: ['src/**/*.ts'],
    ignores: ['src/bot/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '^botbuilder', message: 'botbuilder is imported only under src/bot/ (the rest of the code never sees it).' },
          { regex: '^lowdb', message: 'lowdb is imported only under src/store/: use a store interface of src/store.' },
        ],
      }],
    },
  },
  {
    files: ['src/bot/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '^lowdb', message: 'lowdb is imported only under src/store/: use a store interface of src/store.' }],
      }],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '^botbuilder', message: 'botbuilder is imported only under src/bot/ (the rest of the code never sees it).' }],
      }],
    },
  },
);
