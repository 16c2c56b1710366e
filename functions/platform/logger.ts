import { Logger } from '@aws-lambda-powertools/logger';

/** One JSON logger per process. Never log personal data (emails, names, sketch texts). */
export const logger = new Logger({ serviceName: 'votum' });
