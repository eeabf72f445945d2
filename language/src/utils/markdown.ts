import { visibleText } from './text.js';

/**
 * Text from a model made safe to put in Markdown: outside code spans, `&`, `<` and `>` become
 * entities, so a title such as `<img src=x onerror=...>` is shown as written, not run as HTML by
 * a viewer that renders Markdown's inline HTML. Inside code spans text is shown literally anyway.
 * Control characters are shown as escapes everywhere.
 */
export function markdownText(text: string): string {
    return visibleText(text)
        .split(/(`[^`]*`)/)
        .map((part, index) =>
            index % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
        )
        .join('');
}
