import * as vscode from 'vscode';
import { exists, isModelFile, writeFileAtomic } from '../files.js';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { DiagramFormat, DiagramView } from '../../../language/src/diagram/registry.js';
import {
    DIAGRAM_FORMATS,
    DIAGRAM_VIEWS,
    diagramFormats,
    diagramViews,
} from '../../../language/src/diagram/registry.js';
import { DiagramExportRequest } from '../../../language/src/protocol.js';
import type { DiagramPreview } from './diagram-preview.js';
import type { ModelInFocus } from '../model-in-focus.js';

export const EXPORT_DIAGRAM_COMMAND = 'toc.exportDiagram';

/** A format named by its key, its file extension or its label (`mermaid`, `mmd`, `Mermaid`). */
function formatNamed(name: string): DiagramFormat | undefined {
    return diagramFormats.find(
        format =>
            format === name ||
            DIAGRAM_FORMATS[format].extension === name ||
            DIAGRAM_FORMATS[format].label.toLowerCase() === name.toLowerCase(),
    );
}

/**
 * "Theory of Change: Export Diagram...": asks for the diagram and the format, then where to save;
 * shows progress, never replaces a file without asking, and never writes over a model.
 */
export function registerExportDiagramCommand(
    client: () => BaseLanguageClient | undefined,
    previews: Record<DiagramView, DiagramPreview>,
    models: ModelInFocus,
): vscode.Disposable {
    return vscode.commands.registerCommand(
        EXPORT_DIAGRAM_COMMAND,
        async (target?: vscode.Uri, choice?: { view: DiagramView; format: string; destination: vscode.Uri }) => {
            const model = target ?? models.current;
            const languageClient = client();
            if (!model || !languageClient) {
                void vscode.window.showInformationMessage('Open a .toc model to export its diagram.');
                return undefined;
            }
            const view =
                choice?.view ??
                (
                    await vscode.window.showQuickPick(
                        diagramViews.map(key => ({ label: DIAGRAM_VIEWS[key].title, view: key })),
                        { title: 'Export which diagram?' },
                    )
                )?.view;
            const formatKey = choice
                ? formatNamed(choice.format)
                : (
                      await vscode.window.showQuickPick(
                          diagramFormats.map(key => ({ ...DIAGRAM_FORMATS[key], key })),
                          { title: 'Export as' },
                      )
                  )?.key;
            if (!view || !formatKey) {
                return undefined;
            }
            const format = DIAGRAM_FORMATS[formatKey];
            const base = model.path.replace(/\.toc$/i, '');
            const destination =
                choice?.destination ??
                (await vscode.window.showSaveDialog({
                    title: 'Export diagram',
                    defaultUri: model.with({ path: `${base}${DIAGRAM_VIEWS[view].fileSuffix}.${format.extension}` }),
                    filters: { [format.label]: [format.extension] },
                }));
            if (!destination) {
                return undefined;
            }
            if (isModelFile(destination)) {
                void vscode.window.showErrorMessage(
                    `${vscode.workspace.asRelativePath(destination)} is a model file: export the diagram to a .${format.extension} file instead.`,
                );
                return undefined;
            }
            if ((await exists(destination)) && !choice) {
                const replace = await vscode.window.showWarningMessage(
                    `${vscode.workspace.asRelativePath(destination)} already exists. Replace it?`,
                    { modal: true },
                    'Replace',
                );
                if (replace !== 'Replace') {
                    return undefined;
                }
            }
            return vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: `Exporting the diagram as ${format.label}` },
                async () => {
                    try {
                        let bytes: Uint8Array;
                        if (formatKey === 'png') {
                            // The preview paints the PNG: open it first if it is not open.
                            const preview = previews[view];
                            if (!preview.isOpen) {
                                const drawn = await preview.show(model);
                                if (drawn.nodes === 0) {
                                    throw new Error(drawn.error ?? 'the preview drew nothing');
                                }
                            }
                            bytes = await preview.png();
                        } else {
                            const text = await languageClient.sendRequest(DiagramExportRequest.type, {
                                uri: model.toString(),
                                view,
                                format: formatKey,
                            });
                            if (text === null) {
                                throw new Error('the file is not loaded as a model');
                            }
                            bytes = new TextEncoder().encode(text);
                        }
                        await writeFileAtomic(destination, bytes);
                        void offerToOpen(destination);
                        return destination;
                    } catch (error) {
                        void vscode.window.showErrorMessage(
                            `The diagram could not be exported to ${vscode.workspace.asRelativePath(destination)}: ${error instanceof Error ? error.message : String(error)}`,
                        );
                        return undefined;
                    }
                },
            );
        },
    );
}

/** Says where the export went, with buttons to open it in VS Code or show it in the Explorer. */
async function offerToOpen(destination: vscode.Uri): Promise<void> {
    const open = 'Open';
    const reveal = 'Reveal in Explorer';
    const chosen = await vscode.window.showInformationMessage(
        `Exported ${vscode.workspace.asRelativePath(destination)}.`,
        open,
        reveal,
    );
    if (chosen === open) {
        await vscode.commands.executeCommand('vscode.open', destination);
    } else if (chosen === reveal) {
        await vscode.commands.executeCommand('revealInExplorer', destination);
    }
}
