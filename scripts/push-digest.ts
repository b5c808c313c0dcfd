/**
 * `npm run push:digest [-- --force]`: broadcasts the daily digest of new deals and events to
 * every Web Push subscriber (same payload for all), at most once a day unless --force.
 */
import { db } from '../src/lib/server/db';
import { sendDigest } from '../src/lib/server/push/digest';

const force = process.argv.includes('--force');
const outcome = await sendDigest(db(), new Date(), { force });
if (outcome.status === 'sent') {
  console.log(
    `digest sent: ${outcome.items} item(s) to ${outcome.recipients} subscriber(s); ` +
      `${outcome.delivered} delivered, ${outcome.removed} expired removed, ${outcome.failed} failed`
  );
} else {
  const why = { 'too-soon': 'a digest went out less than 24 h ago (use --force)', 'nothing-new': 'nothing new since the last digest', 'no-subscribers': 'no subscriber' };
  console.log(`no digest: ${why[outcome.reason]}`);
}
