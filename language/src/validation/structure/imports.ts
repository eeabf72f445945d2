import type { ValidationAcceptor, ValidationCheck } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { Import } from '../../generated/ast.js';
import type { TocServices } from '../../toc-module.js';
import { TOC_EXTENSION } from '../../workspace/imports.js';

export const UNRESOLVED_IMPORT = 'unresolved-import';
export const IMPORT_CYCLE = 'import-cycle';

export function checkImport(services: TocServices): ValidationCheck<Import> {
    const imports = services.workspace.Imports;
    return (imp: Import, accept: ValidationAcceptor) => {
        if (imp.path === undefined) {
            return; // cut short: the syntax error says so
        }
        const document = AstUtils.getDocument(imp);
        const { uri, refused } = imports.target(document.uri, imp.path);
        if (refused !== undefined) {
            accept('error', refused, { node: imp, property: 'path', code: UNRESOLVED_IMPORT });
            return;
        }
        if (UriUtils.extname(uri).toLowerCase() !== TOC_EXTENSION) {
            accept('error', `Only ${TOC_EXTENSION} files can be imported, not \`${imp.path}\`.`, { node: imp, property: 'path', code: UNRESOLVED_IMPORT });
            return;
        }
        if (UriUtils.equals(uri, document.uri)) {
            accept('error', 'A file cannot import itself. Remove this import.', { node: imp, property: 'path', code: IMPORT_CYCLE });
            return;
        }
        const target = imports.resolve(imp);
        if (!target) {
            accept('error', `Cannot find \`${imp.path}\` (looked for ${uri.fsPath}). Check the path, which is relative to this file.`, {
                node: imp, property: 'path', code: UNRESOLVED_IMPORT,
            });
            return;
        }
        // Its own syntax errors would be reported only in a file nobody may have open.
        if (target.textDocument.getText().includes('\0')) {
            accept('error', `\`${imp.path}\` is not a text file (it holds binary data), so it declares nothing. Import a .toc model.`, {
                node: imp, property: 'path', code: UNRESOLVED_IMPORT,
            });
            return;
        }
        const cycle = imports.findCycle(imp);
        if (cycle) {
            const chain = cycle.map(doc => UriUtils.basename(doc.uri)).join(' -> ');
            accept('error', `Import cycle: ${chain}. Move what both files need into a third file that both import.`, {
                node: imp, property: 'path', code: IMPORT_CYCLE,
            });
        }
    };
}
