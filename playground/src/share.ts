/**
 * Share links: the model travels compressed in the link's fragment, which browsers never send to
 * a server, so nothing of it leaves the browser until the user passes the link on.
 */

import { base64ToBytes, bytesToBase64 } from '../../language/src/utils/base64.js';

/** What a share link carries: the example it belongs to (for its imports and data) and the model's text. */
export interface Shared {
    example: string;
    text: string;
}

/** The fragment of a link to this model: `#example=…&model=…`, the text deflated and base64url-encoded. */
export async function shareFragment({ example, text }: Shared): Promise<string> {
    const compressed = await transform(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
    const params = new URLSearchParams({ example, model: bytesToBase64(compressed, { url: true }) });
    return `#${params.toString()}`;
}

/** The model a link's fragment carries; `undefined` for a fragment that carries none or cannot be read. */
export async function sharedIn(fragment: string): Promise<Shared | undefined> {
    const params = new URLSearchParams(fragment.replace(/^#/, ''));
    const example = params.get('example');
    const model = params.get('model');
    if (!example || !model) {
        return undefined;
    }
    try {
        const text = new TextDecoder().decode(
            await transform(base64ToBytes(model), new DecompressionStream('deflate-raw')),
        );
        return { example, text };
    } catch {
        return undefined;
    }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
    const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
    return new Uint8Array(await new Response(output).arrayBuffer());
}
