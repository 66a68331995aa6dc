package dev.hermes.infra.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.infra.SynthesizedApp;
import dev.hermes.infra.TemplateText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The messaging stack with default props (the shared app's synth). */
class MessagingStackTest {
    private static final String QUEUE = "AWS::SQS::Queue";
    private static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedApp app = SynthesizedApp.defaults();
        template = app.template(app.stacks().messaging());
    }

    private static String logicalId(String type, Map<String, Object> properties) {
        return template.findResources(type, Map.of("Properties", properties)).keySet().iterator().next();
    }

    @Test
    void inboundEmailRedrivesToItsDlqAfterThreeReceives() {
        String dlq = logicalId(QUEUE, Map.of("QueueName", "hermes-inbound-email-dlq"));
        template.hasResourceProperties(QUEUE, Map.of(
                "QueueName", "hermes-inbound-email",
                "RedrivePolicy", Map.of(
                        "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(dlq, "Arn")),
                        "maxReceiveCount", 3)));
    }

    @Test
    void bothQueuesAreEncryptedAndKeepMessagesFourteenDays() {
        template.resourceCountIs(QUEUE, 2);
        template.allResourcesProperties(QUEUE, Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
    }

    @Test
    void queuesRefuseUnencryptedTransport() {
        template.resourceCountIs("AWS::SQS::QueuePolicy", 2);
        template.allResourcesProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void rawMailBucketIsEncryptedPrivateAndExpires() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", 30, "Status", "Enabled"))))));
        template.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain"));
    }

    @Test
    void sesStoresToS3AndNotifiesTheTopicForTheConfiguredRecipients() {
        String topic = logicalId("AWS::SNS::Topic", Map.of("TopicName", "hermes-inbound-email"));
        String bucket = template.findResources("AWS::S3::Bucket").keySet().iterator().next();
        template.hasResourceProperties("AWS::SES::ReceiptRuleSet", Map.of("RuleSetName", "hermes-inbound"));
        template.hasResourceProperties("AWS::SES::ReceiptRule", Map.of("Rule", Match.objectLike(Map.of(
                "Enabled", true,
                "Recipients", List.of(MessagingProps.EXAMPLE_DOMAIN),
                "ScanEnabled", true,
                "TlsPolicy", "Require",
                "Actions", List.of(Map.of("S3Action", Map.of(
                        "BucketName", Map.of("Ref", bucket),
                        "ObjectKeyPrefix", MessagingStack.RAW_MAIL_KEY_PREFIX,
                        "TopicArn", Map.of("Ref", topic))))))));
    }

    @Test
    void theTopicDeliversSignedEnvelopesToTheQueue() {
        String queue = logicalId(QUEUE, Map.of("QueueName", "hermes-inbound-email"));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "sqs",
                "Endpoint", Map.of("Fn::GetAtt", List.of(queue, "Arn"))));
        // Raw delivery would drop the SNS signature Hermes verifies.
        template.allResourcesProperties("AWS::SNS::Subscription", Map.of("RawMessageDelivery", false));
    }

    @Test
    void onlySesOfThisAccountMayPublishToTheTopic() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::SNS::TopicPolicy");
        String rendered = policies.values().stream().map(Object::toString).reduce("", String::concat);
        assertTrue(rendered.contains("ses.amazonaws.com") && rendered.contains("aws:SourceAccount"), rendered);
        String sourceArn = policies.values().stream()
                .flatMap(p -> TemplateText.items(((Map<?, ?>) ((Map<?, ?>) p.get("Properties")).get("PolicyDocument"))
                        .get("Statement")).stream())
                .map(s -> (Map<?, ?>) ((Map<?, ?>) s).get("Condition"))
                .filter(c -> c != null && c.containsKey("ArnLike"))
                .map(c -> TemplateText.render(((Map<?, ?>) c.get("ArnLike")).get("aws:SourceArn")))
                .findFirst().orElseThrow();
        assertTrue(sourceArn.endsWith(":receipt-rule-set/hermes-inbound:receipt-rule/*"), sourceArn);
    }

    @Test
    void outputsTheContainerQueueConvention() {
        String pattern = TemplateText.render(((Map<?, ?>) template.findOutputs("ContainerQueueArnPattern")
                .get("ContainerQueueArnPattern")).get("Value"));
        assertEquals("arn:${Ref:AWS::Partition}:sqs:${Ref:AWS::Region}:${Ref:AWS::AccountId}:hermes-*", pattern);
    }
}
