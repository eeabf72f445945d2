import type { Scorecard } from '../../language/src/rules/scorecard.js';

const VERDICT = { addressed: 'Addressed', partly: 'Partly addressed', 'not-addressed': 'Not addressed' } as const;

/** Where a finding is, for the page to reveal it when clicked. */
export interface FindingPlace {
    uri: string;
    /** 1-based. */
    line: number;
}

/** The model against the ten challenges, as elements: every text is set as text, never as markup. */
export function scorecardElement(scorecard: Scorecard, reveal: (place: FindingPlace) => void): HTMLElement {
    const root = element('div', 'scorecard');
    root.append(element('h2', '', `Scorecard${scorecard.programme ? `: ${scorecard.programme}` : ''}`));
    if (scorecard.errors.length > 0) {
        root.append(element('p', '', 'The model has errors, so it is not scored until they are fixed:'));
        const list = element('ul');
        for (const error of scorecard.errors) {
            list.append(findingItem(`line ${error.line}: ${error.message}`, error, reveal));
        }
        root.append(list);
        return root;
    }
    for (const entry of scorecard.entries) {
        const article = element('article', `verdict-${entry.verdict}`);
        article.append(element('h3', '', entry.title));
        article.append(element('p', 'verdict', VERDICT[entry.verdict]));
        article.append(element('p', '', entry.asks));
        if (entry.findings.length > 0) {
            const list = element('ul', 'findings');
            for (const finding of entry.findings) {
                list.append(findingItem(finding.message, finding, reveal));
            }
            article.append(list);
        }
        if (entry.strengths.length > 0) {
            const list = element('ul', 'strengths');
            entry.strengths.forEach(strength => list.append(element('li', '', strength)));
            article.append(list);
        }
        root.append(article);
    }
    return root;
}

function findingItem(text: string, place: FindingPlace, reveal: (place: FindingPlace) => void): HTMLElement {
    const item = element('li');
    const button = element('button', 'finding', text);
    button.addEventListener('click', () => reveal(place));
    item.append(button);
    return item;
}

function element<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className = '',
    text?: string,
): HTMLElementTagNameMap[K] {
    const made = document.createElement(tag);
    if (className) {
        made.className = className;
    }
    if (text !== undefined) {
        made.textContent = text;
    }
    return made;
}
