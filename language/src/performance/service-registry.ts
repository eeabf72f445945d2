import type { LangiumCoreServices, URI } from 'langium';
import { DefaultServiceRegistry, UriUtils } from 'langium';

/**
 * Langium's registry first asks the open text documents for a URI's language, which parses and
 * reprints the URI on every call; it is asked several times per file in every build (a fortieth
 * of checking a folder of small models). With one language registered, a file with its
 * extension gets its services whatever document is open, so the answer is read off the name.
 */
export class SingleLanguageServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        if (this.languageIdMap.size === 1) {
            const services = this.fileExtensionMap.get(UriUtils.extname(uri));
            if (services) {
                return services;
            }
        }
        return super.getServices(uri);
    }
}
