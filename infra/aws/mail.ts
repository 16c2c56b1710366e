import { CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface MailProps {
  /** The domain identity the mails are sent from (the sender address must be in it). */
  domain: string;
}

/** The custom MAIL FROM domain under the identity: bounces return there, and SPF aligns for DMARC. */
export const mailFromSubdomain = 'bounce';

/**
 * SES: the domain identity and a configuration set every mail is sent with (TLS required,
 * reputation metrics, bounces and complaints counted in CloudWatch per configuration set).
 */
export class Mail extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  /** SES's bounce and complaint events (they name addresses: encrypted with a key of our own). */
  readonly feedbackTopic: Topic;
  readonly mailFromDomain: string;
  /** The CloudWatch dimension the configuration set's events are counted under. */
  static readonly dimension = 'ses:configuration-set';

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('Metrics', {
      destination: EventDestination.cloudWatchDimensions([
        {
          name: Mail.dimension,
          source: CloudWatchDimensionSource.MESSAGE_TAG,
          defaultValue: 'none',
        },
      ]),
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
      ],
    });
    const key = new Key(this, 'FeedbackKey', {
      description: 'votum: SES bounce and complaint events (they name the addresses)',
      enableKeyRotation: true,
    });
    // SES publishes the events encrypted; the topic's subscribers get them decrypted by SNS.
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.feedbackTopic = new Topic(this, 'FeedbackTopic', {
      displayName: 'votum mail feedback',
      masterKey: key,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('Feedback', {
      destination: EventDestination.snsTopic(this.feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.mailFromDomain = `${mailFromSubdomain}.${props.domain}`;
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.domain),
      configurationSet: this.configurationSet,
      // Easy DKIM: SES makes and rotates the keys; 2048-bit, as mailbox providers expect today.
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      dkimSigning: true,
      mailFromDomain: this.mailFromDomain,
      // Until the MX record is there, SES sends from amazonses.com rather than refusing the mail.
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });
    // Easy DKIM: SES signs once these CNAME records are published in the domain's DNS.
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: Fn.join(' ', [record.name, 'CNAME', record.value]),
        description: `SES DKIM record ${index + 1} of ${props.domain}: publish it in DNS`,
      });
    });
    const region = Stack.of(this).region;
    new CfnOutput(this, 'MailFromMxRecord', {
      value: `${this.mailFromDomain} MX 10 feedback-smtp.${region}.amazonses.com`,
      description: 'Custom MAIL FROM: publish this MX record',
    });
    new CfnOutput(this, 'MailFromSpfRecord', {
      value: `${this.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      description: 'Custom MAIL FROM: publish this SPF record',
    });
    new CfnOutput(this, 'DmarcRecord', {
      value: `_dmarc.${props.domain} TXT "v=DMARC1; p=none; rua=mailto:dmarc@${props.domain}"`,
      description:
        'DMARC: start with p=none, move to quarantine once the reports are clean (docs/operations.md)',
    });
  }

  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /** Sending rights for exactly this identity and this configuration set. */
  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.identity.emailIdentityArn, this.configurationSetArn],
      }),
    );
  }
}
