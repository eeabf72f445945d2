// What the toolchain and the bundles need from newer Node.js versions, supplied on Node 20 (the
// oldest supported). Chevrotain 13, the parser under Langium 4.4, calls `Object.groupBy` (Node
// 21+) when it builds a parser. Injected into every Node bundle by esbuild.mjs, loaded before the
// tests by the vitest configs, and before `langium generate` by scripts/generate.mjs. Only
// defines what is missing: on Node 21+ the built-in is used.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        value: function groupBy(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        },
        writable: true,
        configurable: true,
    });
}
