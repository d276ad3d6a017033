import { render } from 'preact';
import { t } from '../ui/i18n';

function OptionsPage() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
