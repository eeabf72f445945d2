import type { Disposable, URI } from 'langium';
import { DocumentState } from 'langium';
import type { TocServices } from '../toc-module.js';

/**
 * In a language server: after a build, revalidate files that have just become part of a model
 * (a programme file started importing them) but were not in the build, so they show that model's
 * findings. Relations that existed before the change are handled when the build is planned; this
 * covers the ones the change itself created, which only the new parse reveals.
 */
export function revalidateNewModelMembers(services: TocServices): Disposable {
    const workspace = services.shared.workspace;
    const analysis = services.analysis.ModelAnalysis;
    const imports = services.workspace.Imports;
    let scheduled: Set<string> | undefined;
    return workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, built => {
        const builtUris = new Set(built.map(document => document.uri.toString()));
        if (scheduled && [...builtUris].every(uri => scheduled!.has(uri))) {
            // The build this listener asked for: nothing new can have joined a model.
            scheduled = undefined;
            return;
        }
        const stale = new Map<string, URI>();
        for (const document of built) {
            for (const root of analysis.rootsOf(document)) {
                for (const member of imports.closure(root)) {
                    const key = member.uri.toString();
                    if (!builtUris.has(key)) {
                        stale.set(key, member.uri);
                    }
                }
            }
        }
        if (stale.size > 0) {
            scheduled = new Set(stale.keys());
            void workspace.WorkspaceLock.write(token => workspace.DocumentBuilder.update([...stale.values()], [], token));
        }
    });
}
