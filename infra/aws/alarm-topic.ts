import { Validations } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /** The operator's address; SNS mails it once to confirm the subscription. */
  email?: string | undefined;
}

/**
 * The one topic a stack's alarms (and the budget) notify, with the operator's address subscribed.
 * TLS only. Not KMS-encrypted: CloudWatch and AWS Budgets cannot publish to a topic under the AWS
 * managed key, and an alarm message carries no personal data (names of alarms and metrics only).
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'votum alarms', enforceSSL: true });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm and budget messages name alarms and metrics, no personal data; CloudWatch alarms and AWS Budgets cannot publish to a topic encrypted with the AWS managed key, and a customer managed key would cost more than the alarms.',
    });
  }
}
