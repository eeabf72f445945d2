// Lint: typescript-eslint's recommended rules, and the layering of the project enforced.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NOT_VS_CODE = {
    group: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*'],
    message: 'Only the extension may use the VS Code API: language/ and server/ run without it.',
};
const NOT_SERVER = {
    group: ['**/server/src/**', '../server/**', '../../server/**'],
    message: "Server source is the server's own: share what both sides need through language/.",
};
const NOT_EXTENSION = {
    group: ['**/extension/src/**'],
    message: "Extension source is the extension's own: nothing else may import it.",
};

export default tseslint.config(
    {
        ignores: [
            'dist/',
            'node_modules/',
            '.e2e/',
            '.bench/',
            'coverage/',
            'language/src/generated/',
            'playground/src/generated/',
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            globals: globals.node,
        },
        rules: {
            // Control characters are matched on purpose: every output escapes them.
            'no-control-regex': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        },
    },
    {
        files: ['language/**'],
        rules: { 'no-restricted-imports': ['error', { patterns: [NOT_VS_CODE, NOT_SERVER, NOT_EXTENSION] }] },
    },
    {
        files: ['server/**'],
        rules: { 'no-restricted-imports': ['error', { patterns: [NOT_VS_CODE, NOT_EXTENSION] }] },
    },
    {
        files: ['extension/**'],
        rules: { 'no-restricted-imports': ['error', { patterns: [NOT_SERVER] }] },
    },
    {
        // The preview's page runs in a browser: no Node, no VS Code API, and only types from the rest.
        files: ['extension/src/webview/**'],
        languageOptions: { globals: globals.browser },
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        NOT_SERVER,
                        NOT_VS_CODE,
                        { group: ['node:*'], message: 'The preview runs in a browser.' },
                    ],
                },
            ],
            '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
        },
    },
);
