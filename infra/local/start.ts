import { demoAdmin, demoLocalAlliances, startPortal } from './portal.ts';
import { StartError } from './ports.ts';

/*
 * `npm start`: the whole portal on this machine. Ports and the tick can be moved with PORT,
 * MAILBOX_PORT, DYNAMO_PORT, S3_PORT and TICK_SECONDS; data is kept in .local/ (git-ignored).
 */
const number = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`votum: ${name}=${raw} is not a valid number.`);
    process.exit(1);
  }
  return value;
};

try {
  const portal = await startPortal({
    port: number('PORT', 3000),
    mailboxPort: number('MAILBOX_PORT', 8005),
    dynamoPort: number('DYNAMO_PORT', 8000),
    s3Port: number('S3_PORT', 8006),
    tickSeconds: number('TICK_SECONDS', 60) || 60,
    dataDir: process.env.VOTUM_DATA_DIR ?? '.local',
  });
  // The local alliances sign in like members, by link alone (only where the profile has the local step).
  const localDemo =
    (process.env.ALLIANCE ?? 'leine-weser') === 'leine-weser'
      ? `  Anmelden als lokale Allianz (Demo): ${(await demoLocalAlliances()).map((a) => a.email).join(', ')}\n`
      : '';
  console.log(`
  votum läuft – ${process.env.ALLIANCE ?? 'leine-weser'}

  Portal:    ${portal.url}
  Postfach:  ${portal.mailboxUrl}   (alle Mails, die das Portal verschickt)
  DynamoDB:  ${portal.dynamoEndpoint}   (Daten in ${process.env.VOTUM_DATA_DIR ?? '.local'}/)
  S3:        ${portal.s3Endpoint}   (Anhänge in ${process.env.VOTUM_DATA_DIR ?? '.local'}/s3/)

  Anmelden als Koordinierungsstelle (Demo): ${demoAdmin.email}
  – Adresse im Portal eingeben, den Link im Postfach öffnen; beim ersten Mal
    einen zweiten Faktor einrichten (Authenticator-App oder Passkey, siehe README).
${localDemo}
  Beenden mit Strg+C.
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('votum: stopping …');
    await portal.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof StartError) {
    console.error(`votum: ${error.message}`);
  } else {
    console.error('votum: could not start:', error);
  }
  process.exit(1);
}
