import { Logger } from '@aws-lambda-powertools/logger';
import { mapStackTraces } from './stack-traces.ts';

// In a bundle (infra/aws/functions.ts defines the alliance), stacks name our sources (./stack-traces.ts).
if (process.env.VOTUM_BUNDLED_ALLIANCE !== undefined) mapStackTraces();

/** One JSON logger per process. Never log personal data (emails, names, sketch texts). */
export const logger = new Logger({ serviceName: 'votum' });
