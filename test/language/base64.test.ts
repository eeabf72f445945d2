import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../language/src/utils/base64.js';

describe('base64 without Buffer', () => {
    test('is what Buffer writes, in both alphabets, and reads back to the same bytes', () => {
        fc.assert(
            fc.property(fc.uint8Array({ maxLength: 300 }), bytes => {
                expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
                expect(bytesToBase64(bytes, { url: true })).toBe(Buffer.from(bytes).toString('base64url'));
                expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
                expect(base64ToBytes(bytesToBase64(bytes, { url: true }))).toEqual(bytes);
            }),
        );
    });
});
