/** Control characters but tab and line breaks, which keep their meaning as layout. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const CONTROL_OR_LAYOUT = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from a model with its control characters shown as escapes such as `\x1b`: a terminal
 * would act on them (retitle the window, clear the screen) and an XML reader refuses them, so an
 * SVG holding one would not open. With `layout: false`, tabs and line breaks are escaped too, for
 * output that must stay on one line.
 */
export function visibleText(text: string, { layout = true } = {}): string {
    return text.replace(
        layout ? CONTROL : CONTROL_OR_LAYOUT,
        char => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
}

/** A diagnostic's message as plain text: LSP 3.18 allows Markdown there, which this language never sends. */
export function messageText(message: string | { value: string }): string {
    return typeof message === 'string' ? message : message.value;
}

/** Text as it may stand in XML or SVG content and attribute values: markup escaped, control characters shown. */
export function xmlText(text: string): string {
    return visibleText(text, { layout: false })
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
