import type { LangiumSharedServices } from 'langium/lsp';
import { TocDocumentFactory } from '../../language/src/workspace/toc-document-factory.js';

/** The setting, in megabytes, above which the editor leaves a file unanalysed; 0 for no limit. */
export const MAX_FILE_SIZE_SETTING = 'maxFileSizeMB';
export const DEFAULT_MAX_FILE_SIZE_MB = 4;

function limitOf(setting: unknown): number | undefined {
    const megabytes =
        typeof setting === 'number' && Number.isFinite(setting) && setting >= 0 ? setting : DEFAULT_MAX_FILE_SIZE_MB;
    return megabytes === 0 ? undefined : megabytes * 1_000_000;
}

/**
 * In the language server: files above `toc.maxFileSizeMB` are not analysed. The default applies
 * from the start; when the editor's setting arrives or changes, the files on either side of the
 * old and new limits are built again.
 */
export function applyFileSizeLimit(shared: LangiumSharedServices): void {
    const factory = shared.workspace.LangiumDocumentFactory;
    if (!(factory instanceof TocDocumentFactory)) {
        return;
    }
    factory.maxSize = limitOf(undefined);
    const apply = (setting: unknown) => {
        const previous = factory.maxSize;
        factory.maxSize = limitOf(setting);
        const over = (limit: number | undefined, size: number) => limit !== undefined && size > limit;
        const crossing = shared.workspace.LangiumDocuments.all
            .filter(
                document =>
                    over(previous, document.textDocument.getText().length) !==
                    over(factory.maxSize, document.textDocument.getText().length),
            )
            .map(document => document.uri)
            .toArray();
        if (crossing.length > 0) {
            // Langium parses a file again only when its text changed: these are dropped and loaded anew.
            void shared.workspace.WorkspaceLock.write(async token => {
                await shared.workspace.DocumentBuilder.update([], crossing, token);
                await shared.workspace.DocumentBuilder.update(crossing, [], token);
            });
        }
    };
    const configuration = shared.workspace.ConfigurationProvider;
    void configuration.ready
        .then(() => configuration.getConfiguration('toc', MAX_FILE_SIZE_SETTING))
        .then(apply, () => undefined);
    configuration.onConfigurationSectionUpdate(update => {
        if (update.section === 'toc') {
            apply((update.configuration as Record<string, unknown> | undefined)?.[MAX_FILE_SIZE_SETTING]);
        }
    });
}
