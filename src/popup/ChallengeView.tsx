import type { Challenge } from '../model/incident';
import { t } from '../ui/i18n';

/** A bot check is the site protecting itself, not an outage. */
export function ChallengeView({ challenge }: { challenge: Challenge }) {
  const provider = challenge.provider === 'cloudflare' ? 'Cloudflare' : 'Vercel';
  return (
    <main class="popup popup--calm">
      <h1 class="title">{t('challengeTitle')}</h1>
      <p>{t('challengeBody', [provider])}</p>
    </main>
  );
}
