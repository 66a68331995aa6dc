package dev.hermes.infra.messaging;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.ses.ReceiptRuleOptions;
import software.amazon.awscdk.services.ses.ReceiptRuleSet;
import software.amazon.awscdk.services.ses.TlsPolicy;
import software.amazon.awscdk.services.ses.actions.S3;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Inbound mail: SES receipt rule (S3 action + SNS notification) → topic → the shared
 * {@code {prefix}inbound-email} queue with its DLQ, and the bucket that holds the raw mail.
 * The per-container queues are created at run time by the orchestrator; their IAM conventions
 * are in {@link QueueAccess}.
 */
public final class MessagingStack extends Stack {
    /** Key prefix of raw mail objects in the bucket; the orchestrator may read only below it. */
    public static final String RAW_MAIL_KEY_PREFIX = "inbound/";
    /** 14 days, SQS's longest retention, matching the consumer's {@code hermes.inbound.sqs.max-age}. */
    private static final Duration RETENTION = Duration.days(14);
    private final IQueue inboundEmail;
    private final IQueue inboundEmailDlq;
    private final IBucket rawMail;
    private final ITopic inboundTopic;
    private final MessagingProps props;

    public MessagingStack(Construct scope, String id, StackProps stackProps, MessagingProps props) {
        super(scope, id, stackProps);
        this.props = props;
        inboundEmailDlq = Queue.Builder.create(this, "InboundEmailDlq")
                .queueName(props.inboundEmailDlqName())
                .retentionPeriod(RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        inboundEmail = Queue.Builder.create(this, "InboundEmail")
                .queueName(props.inboundEmailQueueName())
                .retentionPeriod(RETENTION)
                .visibilityTimeout(Duration.seconds(60))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(inboundEmailDlq).maxReceiveCount(props.maxReceiveCount()).build())
                .build();
        rawMail = Bucket.Builder.create(this, "RawMail")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(false)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("ExpireRawMail")
                        .expiration(Duration.days(props.rawMailRetentionDays()))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        inboundTopic = Topic.Builder.create(this, "InboundEmailTopic")
                .topicName(props.inboundEmailQueueName())
                .enforceSsl(true)
                .build();
        // Hermes verifies the SNS signature of every message, so the envelope must stay (no raw delivery).
        inboundTopic.addSubscription(SqsSubscription.Builder.create(inboundEmail).rawMessageDelivery(false).build());
        if (props.sesReceiving()) {
            receiptRules(props);
        }
        if (props.recipients().contains(MessagingProps.EXAMPLE_DOMAIN)) {
            Annotations.of(this).addWarningV2("hermes:example-recipients", "SES receipt rule accepts mail for "
                    + MessagingProps.EXAMPLE_DOMAIN + ": set -D" + MessagingProps.RECIPIENTS + "=your.domain");
        }
        output("InboundEmailQueueUrl", inboundEmail.getQueueUrl());
        output("InboundEmailDlqUrl", inboundEmailDlq.getQueueUrl());
        output("RawMailBucketName", rawMail.getBucketName());
        output("InboundEmailTopicArn", inboundTopic.getTopicArn());
        output("ContainerQueueArnPattern", QueueAccess.queueArnPattern(this, props.queuePrefix()));
    }

    private void receiptRules(MessagingProps props) {
        String ruleSetName = props.queuePrefix() + "inbound";
        ReceiptRuleSet ruleSet = ReceiptRuleSet.Builder.create(this, "ReceiptRuleSet")
                .receiptRuleSetName(ruleSetName)
                .build();
        ruleSet.addRule("StoreAndNotify", ReceiptRuleOptions.builder()
                .recipients(props.recipients())
                .scanEnabled(true)
                .tlsPolicy(TlsPolicy.REQUIRE)
                .actions(List.of(S3.Builder.create()
                        .bucket(rawMail)
                        .objectKeyPrefix(RAW_MAIL_KEY_PREFIX)
                        .topic(inboundTopic)
                        .build()))
                .build());
        inboundTopic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("SesPublishesReceipts")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("ses.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(inboundTopic.getTopicArn()))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                        "ArnLike", Map.of("aws:SourceArn", formatArnFor("receipt-rule-set/" + ruleSetName + ":receipt-rule/*"))))
                .build());
        output("ReceiptRuleSetName", ruleSet.getReceiptRuleSetName());
    }

    private String formatArnFor(String resource) {
        return formatArn(ArnComponents.builder().service("ses").resource(resource).build());
    }

    private void output(String id, String value) {
        CfnOutput.Builder.create(this, id).value(value).build();
    }

    public IQueue inboundEmail() {
        return inboundEmail;
    }

    public IQueue inboundEmailDlq() {
        return inboundEmailDlq;
    }

    public IBucket rawMail() {
        return rawMail;
    }

    public ITopic inboundTopic() {
        return inboundTopic;
    }

    public MessagingProps props() {
        return props;
    }
}
