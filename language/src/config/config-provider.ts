import type { FileSystemProvider, LangiumSharedCoreServices } from 'langium';
import { URI, UriUtils } from 'langium';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { ResolvedConfig, TocConfigFile } from './toc-config.js';
import { CONFIG_FILE_NAME, configSchema, defaultConfig, resolveConfig } from './toc-config.js';
import { isCalendarDate, today } from '../utils/dates.js';

export interface ConfigProblem {
    uri: URI;
    /** 1-based, as editors and terminals show them. */
    line: number;
    column: number;
    message: string;
}

export interface LoadedConfig {
    /** The file in effect, if one was found. */
    uri?: URI;
    config: ResolvedConfig;
    /** Why the file could not be used; when there are any, the defaults are in effect. */
    problems: ConfigProblem[];
}

/**
 * Finds the `toc.config.json` that governs a model by walking up from the model's folder, and
 * validates it against the schema. A broken file is reported and the defaults are used meanwhile.
 */
export class TocConfigProvider {
    protected readonly fileSystem: FileSystemProvider;
    protected readonly byFolder = new Map<string, LoadedConfig>();
    private validator: ValidateFunction | undefined;

    constructor(shared: LangiumSharedCoreServices) {
        this.fileSystem = shared.workspace.FileSystemProvider;
    }

    /** A check date that overrides every configuration file's `asOf` (the command line's `--as-of`). */
    asOfOverride: string | undefined;

    /** The date the rules about data read as today for a model: `--as-of`, its configuration's `asOf`, or today. */
    asOfFor(documentUri: URI): string {
        return this.asOfOverride ?? this.configFor(documentUri).config.asOf ?? today();
    }

    configFor(documentUri: URI): LoadedConfig {
        return this.forFolder(UriUtils.dirname(documentUri));
    }

    /** Forget what was read, after a configuration file changed. */
    clear(): void {
        this.byFolder.clear();
    }

    protected forFolder(folder: URI): LoadedConfig {
        const key = folder.toString();
        let loaded = this.byFolder.get(key);
        if (!loaded) {
            const candidate = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
            const parent = UriUtils.dirname(folder);
            if (this.exists(candidate)) {
                loaded = this.load(candidate);
            } else if (parent.toString() !== key && folder.path !== '/' && folder.path !== '') {
                loaded = this.forFolder(parent);
            } else {
                loaded = { config: defaultConfig(), problems: [] };
            }
            this.byFolder.set(key, loaded);
        }
        return loaded;
    }

    private exists(uri: URI): boolean {
        try {
            return this.fileSystem.existsSync(uri) && this.fileSystem.statSync(uri).isFile;
        } catch {
            return false;
        }
    }

    /** Reads and checks one configuration file. */
    load(uri: URI): LoadedConfig {
        let text: string;
        try {
            text = this.fileSystem.readFileSync(uri);
        } catch (error) {
            return this.broken(uri, [
                {
                    uri,
                    line: 1,
                    column: 1,
                    message: `cannot be read (${error instanceof Error ? error.message : String(error)}).`,
                },
            ]);
        }
        return this.parse(uri, text);
    }

    parse(uri: URI, text: string): LoadedConfig {
        const position = (offset: number) => {
            const before = text.slice(0, offset).split('\n');
            return { line: before.length, column: before[before.length - 1].length + 1 };
        };
        const errors: ParseError[] = [];
        let tree: JsonNode | undefined;
        try {
            tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
        } catch (error) {
            // The JSON parser recurses once per level of nesting.
            if (error instanceof RangeError) {
                return this.broken(uri, [
                    {
                        uri,
                        line: 1,
                        column: 1,
                        message:
                            'is nested too deeply to read: a configuration is an object of rules, each a severity or an object of settings (`toc schema` prints its shape).',
                    },
                ]);
            }
            throw error;
        }
        if (errors.length > 0 || !tree) {
            // Errors after the first mostly follow from it: report where reading stopped making sense.
            const first = errors[0];
            const problem = first
                ? {
                      uri,
                      ...position(first.offset),
                      message: `is not valid JSON: ${describeParseError(printParseErrorCode(first.error))}.`,
                  }
                : { uri, line: 1, column: 1, message: 'is empty; write {} for the defaults.' };
            return this.broken(uri, [problem]);
        }
        const value = getNodeValue(tree) as unknown;
        // The schema is ours and tested against the meta-schema, so it is not checked again here;
        // nor is the validator's code optimised, for one small file. Both would cost every cold
        // check about 30 ms.
        const validate = (this.validator ??= new Ajv({
            allErrors: true,
            strict: false,
            validateSchema: false,
            code: { optimize: false },
        }).compile(configSchema()));
        if (!validate(value)) {
            const problems = explain(validate.errors ?? [], value).map(({ path, message, atKey }) => {
                const node = locate(tree, path, atKey);
                return { uri, ...position(node?.offset ?? 0), message };
            });
            return this.broken(uri, problems);
        }
        const asOf = (value as TocConfigFile).asOf;
        if (asOf !== undefined && !isCalendarDate(asOf)) {
            const node = findNodeAtLocation(tree, ['asOf']);
            return this.broken(uri, [
                {
                    uri,
                    ...position(node?.offset ?? 0),
                    message: `has "asOf": "${asOf}", which is not a date in the calendar.`,
                },
            ]);
        }
        return { uri, config: resolveConfig(value as TocConfigFile), problems: [] };
    }

    private broken(uri: URI, problems: ConfigProblem[]): LoadedConfig {
        return { uri, config: defaultConfig(), problems };
    }
}

function describeParseError(code: string): string {
    return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

type JsonPath = Array<string | number>;

/**
 * Turns schema errors into one plain message per problem, with the path it concerns. A rule's
 * setting is a severity or an object; only the errors of the form actually written are explained.
 */
function explain(errors: ErrorObject[], value: unknown): Array<{ path: JsonPath; message: string; atKey: boolean }> {
    const results: Array<{ path: JsonPath; message: string; atKey: boolean }> = [];
    const seen = new Set<string>();
    const add = (path: JsonPath, message: string, atKey = false) => {
        const key = `${path.join('/')}|${message}`;
        if (!seen.has(key)) {
            seen.add(key);
            results.push({ path, message, atKey });
        }
    };
    const writtenForm = (error: ErrorObject): boolean => {
        const branch = /\/anyOf\/(\d+)\//.exec(error.schemaPath)?.[1];
        if (branch === undefined) {
            return true;
        }
        const [, rule] = error.instancePath.split('/').slice(1).map(decodePointer);
        const setting = (value as { rules?: Record<string, unknown> }).rules?.[rule];
        const form =
            typeof setting === 'string' ? '0' : typeof setting === 'object' && setting !== null ? '1' : undefined;
        return form === undefined ? branch === '1' && error.keyword === 'type' : branch === form;
    };
    for (const error of errors.filter(e => e.keyword !== 'anyOf' && writtenForm(e))) {
        const path = error.instancePath.split('/').slice(1).map(decodePointer);
        const where = path.length > 0 ? `"${path.join('.')}"` : 'the file';
        switch (error.keyword) {
            case 'additionalProperty':
            case 'additionalProperties': {
                const name = String((error.params as { additionalProperty: string }).additionalProperty);
                const what =
                    path.length === 1 && path[0] === 'rules'
                        ? `"${name}" is not a rule of the catalogue`
                        : `"${name}" is not a setting of ${where}`;
                add([...path, name], `${what}.`, true);
                break;
            }
            case 'enum':
                add(
                    path,
                    `${where} must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}.`,
                );
                break;
            case 'type':
                if (path.length === 2 && path[0] === 'rules') {
                    add(
                        path,
                        `${where} must be a severity (error, warning, info, hint, off) or an object of settings.`,
                    );
                } else {
                    // Read after "the configuration": the whole file needs no subject of its own.
                    add(
                        path,
                        `${path.length > 0 ? `${where} ` : ''}must be ${article((error.params as { type: string }).type)}.`,
                    );
                }
                break;
            default:
                add(path, `${where} ${error.message ?? 'is not valid'}.`);
        }
    }
    return results;
}

function article(type: string): string {
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function decodePointer(segment: string): string {
    return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The JSON node a path points at (its key, for a key that should not be there), or its nearest parent. */
function locate(tree: JsonNode, path: JsonPath, atKey: boolean): JsonNode | undefined {
    for (let length = path.length; length >= 0; length--) {
        const node = findNodeAtLocation(tree, path.slice(0, length));
        if (node) {
            return atKey && length === path.length && node.parent?.type === 'property'
                ? (node.parent.children?.[0] ?? node)
                : node;
        }
        if (length === path.length && length > 0) {
            const parent = findNodeAtLocation(tree, path.slice(0, -1));
            const key = parent?.children?.find(
                p => p.type === 'property' && p.children?.[0]?.value === path[path.length - 1],
            );
            if (key) {
                return key.children![0];
            }
        }
    }
    return tree;
}
