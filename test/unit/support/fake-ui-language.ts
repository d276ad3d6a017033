// @webext-core/fake-browser leaves i18n.getUILanguage unimplemented: every page and the steps' evidence
// format numbers in the browser's UI language (src/platform/ui-locale.ts), so the fake answers English, the
// language the tests' messages are in. A test about another language spies on it (test/unit/platform/ui-locale.test.ts).
import { fakeBrowser } from '@webext-core/fake-browser';

fakeBrowser.i18n.getUILanguage = () => 'en';
