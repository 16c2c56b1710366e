import { randomBytes, randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { deliverNow, withSealedLink } from '../../app/outbox.ts';
import { linkWindow, signInPolicy } from '../../core/auth.ts';
import * as route from '../../core/contract/auth.ts';
import { authMessages } from '../../core/messages.de.ts';
import { signInLinkMail } from '../../mail/templates.de.ts';
import { documents } from '../../platform/clients.ts';
import { config } from '../../platform/config.ts';
import { tokenHash } from '../../platform/secret.ts';
import { securityLog } from '../../platform/security-log.ts';
import { linkQuotaItem, tokenItem } from '../../store/auth.ts';
import { isTransactionConflict } from '../../store/errors.ts';
import { outboxItem } from '../../store/outbox.ts';
import { handle } from '../stack.ts';

const accepted = {
  status: 202 as const,
  body: { message: authMessages.linkRequested },
};

/**
 * Mails a single-use sign-in link. Always 202 for a valid address, whether or not anybody is known
 * by it, so the answer tells nothing about who has an account. At most `linksPerWindow` links an
 * hour go to one address, so nobody can flood someone's mailbox through the portal.
 */
export default handle(route.requestLink)(async ({ body: request, now }) => {
  const { profile, PUBLIC_URL } = config();
  const token = randomBytes(32).toString('base64url');
  const validUntil = new Date(now.getTime() + signInPolicy.linkValidMs);
  const next = request.next ? `&next=${encodeURIComponent(request.next)}` : '';
  // The token travels in the fragment: it never reaches a server log, and a GET consumes nothing.
  const link = `${PUBLIC_URL}/anmelden#token=${token}${next}`;
  const mailId = randomUUID();
  const { linksPerWindow, linkWindowMs } = signInPolicy;
  try {
    await documents().send(
      new TransactWriteCommand({
        TransactItems: [
          tokenItem(await tokenHash(token), request.email, validUntil),
          outboxItem({
            id: mailId,
            to: request.email,
            kind: 'sign-in-link',
            createdAt: now.toISOString(),
            ...(await withSealedLink(link, (slot) => signInLinkMail(profile, slot, validUntil))),
          }),
          linkQuotaItem(
            await tokenHash(`link-quota:${request.email}`),
            linkWindow(now),
            linksPerWindow,
            linkWindowMs,
          ),
        ],
      }),
    );
  } catch (error) {
    // Over the quota: the same answer as always, so it tells nothing, but no mail.
    if (!isTransactionConflict(error, 2)) throw error;
    await securityLog('sign_in_quota_reached', { email: request.email });
    return accepted;
  }
  await securityLog('sign_in_requested', { email: request.email });
  await deliverNow(mailId, now);
  return accepted;
});
