import type { AstNodeDescription, URI, ValidationAcceptor, ValidationCheck } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { Element, Model } from '../../generated/ast.js';
import type { TocServices } from '../../toc-module.js';
import { findPropertyNode } from '../../utils/cst.js';

export const DUPLICATE_NAME = 'duplicate-name';

type Named = Element & { name: string };

/**
 * Every name in a model is one namespace, whatever the kind of declaration: a name must mean one
 * thing across the file and everything it imports.
 */
export function checkDuplicateNames(services: TocServices): ValidationCheck<Model> {
    const imports = services.workspace.Imports;
    const index = services.shared.workspace.IndexManager;
    return (model: Model, accept: ValidationAcceptor) => {
        const document = AstUtils.getDocument(model);
        const others = new Set(imports.closureUris(document));
        others.delete(document.uri.toString());
        const foreign = groupBy(index.allElements(undefined, others).toArray(), d => d.name);
        const local = declarationsByName(model);

        for (const [name, declarations] of local) {
            const elsewhere = (foreign.get(name) ?? []).map(d => ({
                where: `${relative(d.documentUri, document.uri)} line ${line(d)}`,
                location: { uri: d.documentUri.toString(), range: d.nameSegment?.range ?? ZERO },
            }));
            // The first declaration in the file is the one names refer to: the later ones are
            // reported, each pointing at the first and at any in imported files.
            const [first, ...later] = declarations;
            const reported = elsewhere.length > 0 ? declarations : later;
            for (const node of reported) {
                const earlier =
                    node === first
                        ? elsewhere
                        : [
                              {
                                  where: `line ${(first.$cstNode?.range.start.line ?? 0) + 1}`,
                                  location: { uri: document.uri.toString(), range: nameRange(first) },
                              },
                              ...elsewhere,
                          ];
                accept(
                    'error',
                    `\`${name}\` is already declared (at ${earlier.map(e => e.where).join(', ')}). Give each declaration its own name.`,
                    {
                        node,
                        property: 'name',
                        code: DUPLICATE_NAME,
                        relatedInformation: earlier.map(({ location }) => ({
                            location,
                            message: `\`${name}\` is first declared here.`,
                        })),
                    },
                );
            }
        }

        // Two imported files that clash with each other: report it on the import that brings the clash in.
        for (const [name, declarations] of foreign) {
            const files = new Set(declarations.map(d => d.documentUri.toString()));
            if (local.has(name) || files.size < 2) {
                continue;
            }
            const culprit = [...model.imports].reverse().find(imp => {
                const target = imports.resolve(imp);
                return target && declarations.some(d => imports.closureUris(target).has(d.documentUri.toString()));
            });
            if (culprit) {
                const places = declarations.map(d => `${relative(d.documentUri, document.uri)} line ${line(d)}`);
                accept(
                    'error',
                    `\`${name}\` is declared in more than one imported file (${places.join(', ')}). Rename one of them.`,
                    {
                        node: culprit,
                        property: 'path',
                        code: DUPLICATE_NAME,
                    },
                );
            }
        }
    };
}

/**
 * The named declarations of a file, by name, in the order written: the first of each is the one
 * names refer to, and any later one is a duplicate.
 */
export function declarationsByName(model: Model): Map<string, Named[]> {
    return groupBy(
        model.elements.filter((e): e is Named => typeof e.name === 'string' && e.name.length > 0),
        e => e.name,
    );
}

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function nameRange(node: Named) {
    return (node.$cstNode && findPropertyNode(node.$cstNode, 'name')?.range) ?? node.$cstNode?.range ?? ZERO;
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
    const result = new Map<string, T[]>();
    for (const item of items) {
        const k = key(item);
        const list = result.get(k);
        if (list) {
            list.push(item);
        } else {
            result.set(k, [item]);
        }
    }
    return result;
}

function line(description: AstNodeDescription): number {
    return (description.nameSegment?.range.start.line ?? 0) + 1;
}

function relative(target: URI, from: URI): string {
    return UriUtils.relative(UriUtils.dirname(from), target);
}
