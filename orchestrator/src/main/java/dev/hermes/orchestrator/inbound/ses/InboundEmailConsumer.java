package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.orchestrator.inbound.IntakeOutcome;
import dev.hermes.orchestrator.metrics.Rejections;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.protocol.naming.QueueNames;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Consumes the shared {@code inbound-email} queue (SES → SNS → SQS) on one thread and runs each
 * message through {@link SesMailIntake}. A message is deleted only once its command is durable.
 * Permanently bad messages (rejected with a 4xx reason) are moved to the DLQ at once, with the
 * reason as message attributes; anything else stays on the queue, becomes visible again after the
 * visibility timeout and, after {@code hermes.queues.max-receive-count} receives, is moved to the DLQ
 * by the redrive policy. The loop never dies: errors are logged with the queue name and backed off.
 */
@Singleton
@Requires(property = "hermes.inbound.sqs.enabled", value = "true")
public class InboundEmailConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(InboundEmailConsumer.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private final SqsClient sqs;
    private final SesMailIntake ses;
    private final SqsInboundConfig config;
    private final int maxReceiveCount;
    private final String queueName;
    private final String dlqName;
    private final Rejections rejections;
    private volatile boolean running;
    private volatile Thread thread;

    public InboundEmailConsumer(SqsClient sqs, SesMailIntake ses, SqsInboundConfig config, QueuesConfig queues,
                                Rejections rejections) {
        this.rejections = rejections;
        this.sqs = sqs;
        this.ses = ses;
        this.config = config;
        this.maxReceiveCount = queues.maxReceiveCount();
        this.queueName = QueueNames.inboundEmail(queues.prefix());
        this.dlqName = QueueNames.inboundEmailDlq(queues.prefix());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    /** Starts the poll thread. Idempotent. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "inbound-email-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.info("consuming {}", queueName);
    }

    private void loop() {
        String url = null;
        String dlqUrl = null;
        long backoff = 0;
        while (running) {
            try {
                if (url == null) {
                    dlqUrl = config.create() ? createDlq() : sqs.getQueueUrl(b -> b.queueName(dlqName)).queueUrl();
                    url = config.create() ? createQueue(dlqUrl) : sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
                }
                String queueUrl = url;
                for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(config.waitSeconds())).messages()) {
                    handleOne(queueUrl, dlqUrl, m);
                }
                backoff = 0;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                url = null; // resolve (or create) the queues again: they may have been deleted and re-made
                backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(500, backoff * 2));
                LOG.warn("polling {} failed, retrying in {} ms: {}", queueName, backoff, e.toString());
                pause(backoff);
            }
        }
    }

    private void handleOne(String url, String dlqUrl, Message m) {
        byte[] body = m.body().getBytes(StandardCharsets.UTF_8);
        try {
            IntakeOutcome outcome = isSnsEnvelope(m.body()) ? ses.handle(body, config.maxAge(), null) : unsigned(body);
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            LOG.info("inbound email {} from {}: {} {}", m.messageId(), queueName, outcome.status(), outcome.commandId());
        } catch (RejectedException e) {
            rejections.count(e.code());
            LOG.warn("inbound email {} from {} rejected ({}: {}); moving it to {}", m.messageId(), queueName, e.code(),
                    e.getMessage(), dlqName);
            moveToDlq(url, dlqUrl, m, e);
        } catch (RuntimeException e) {
            // Transient (DynamoDB, SQS, S3, certificate fetch): visible again after the visibility timeout.
            LOG.warn("inbound email {} from {} not handled, will retry: {}", m.messageId(), queueName, e.toString());
        }
    }

    private void moveToDlq(String url, String dlqUrl, Message m, RejectedException e) {
        try {
            sqs.sendMessage(b -> b.queueUrl(dlqUrl).messageBody(m.body()).messageAttributes(Map.of(
                    "hermes-error", text(e.code()), "hermes-reason", text(e.getMessage()))));
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        } catch (RuntimeException failed) {
            // Left on the queue: the redrive policy moves it to the DLQ after max-receive-count receives.
            LOG.warn("could not move inbound email {} to {}: {}", m.messageId(), dlqName, failed.toString());
        }
    }

    private IntakeOutcome unsigned(byte[] body) {
        if (!config.rawDelivery()) {
            throw RejectedException.badRequest("not_sns", "the message is not an SNS envelope and raw delivery is off");
        }
        return ses.handleUnsigned(body);
    }

    /** An SNS envelope names its Type and Signature; raw delivery is the SES JSON itself. */
    private static boolean isSnsEnvelope(String body) {
        return body.contains("\"Signature\"") && body.contains("\"Type\"");
    }

    private String createDlq() {
        return sqs.createQueue(b -> b.queueName(dlqName)
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
    }

    private String createQueue(String dlqUrl) {
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"maxReceiveCount\":\"" + maxReceiveCount + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}";
        return sqs.createQueue(b -> b.queueName(queueName)
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
    }

    private static MessageAttributeValue text(String value) {
        String v = value == null || value.isEmpty() ? "-" : value;
        return MessageAttributeValue.builder().dataType("String").stringValue(v.length() > 256 ? v.substring(0, 256) : v).build();
    }

    private void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops polling; the current long poll ends within {@code wait-seconds}. Idempotent. */
    @PreDestroy
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
