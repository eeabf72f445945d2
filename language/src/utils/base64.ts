/**
 * Base64 for bytes, the same in Node, browsers and web workers (no `Buffer`, which only Node has).
 * `url`: the URL- and filename-safe alphabet, without padding (RFC 4648, section 5).
 */
export function bytesToBase64(bytes: Uint8Array, { url = false } = {}): string {
    let binary = '';
    for (const byte of bytes) {
        binary += String.fromCharCode(byte);
    }
    const text = btoa(binary);
    return url ? text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : text;
}

/** The bytes of base64 text, in either alphabet; throws on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, char => char.charCodeAt(0));
}
