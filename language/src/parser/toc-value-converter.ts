import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter, GrammarUtils, ValueConverter } from 'langium';

type Convert = (input: string) => ValueType;

const keepText: Convert = input => input;

/**
 * Langium's conversion of token text to values, with the choice of conversion made once per
 * grammar rule: Langium makes it again for every name, text, number and date it reads, building
 * two new strings each time.
 */
export class TocValueConverter extends DefaultValueConverter {
    private readonly byRule = new Map<GrammarAST.AbstractRule, Convert>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, _cstNode: CstNode): ValueType {
        let convert = this.byRule.get(rule);
        if (!convert) {
            convert = converterFor(rule);
            this.byRule.set(rule, convert);
        }
        return convert(input);
    }
}

/**
 * Langium's conversion of quoted text, without building the result a character at a time: that
 * leaves a chain of one small string per character, which for a model's prose is the largest
 * thing in memory after parsing. Text without escapes, nearly all of it, is the inside of the
 * quotes as it stands.
 */
function convertQuotedText(input: string): string {
    const inside = input.slice(1, -1);
    return inside.includes('\\') ? ValueConverter.convertString(input) : inside;
}

/** The same choice as DefaultValueConverter.runConverter: by rule name first, then by the rule's type. */
function converterFor(rule: GrammarAST.AbstractRule): Convert {
    switch (rule.name.toUpperCase()) {
        case 'INT':
            return ValueConverter.convertInt;
        case 'STRING':
            return convertQuotedText;
        case 'ID':
            return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number':
            return ValueConverter.convertNumber;
        case 'boolean':
            return ValueConverter.convertBoolean;
        case 'bigint':
            return ValueConverter.convertBigint;
        case 'date':
            return ValueConverter.convertDate;
        default:
            return keepText;
    }
}
