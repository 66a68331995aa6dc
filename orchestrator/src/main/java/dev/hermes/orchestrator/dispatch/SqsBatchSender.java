package dev.hermes.orchestrator.dispatch;

import dev.hermes.orchestrator.storage.BackendUnavailableException;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MessageCodec;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Commands onto a FIFO queue with {@code SendMessageBatch}: in the given order, at most 10 entries
 * and 256 KiB a request, group = container key, deduplication id = command id. Each entry's
 * failure is mapped back to its command.
 */
@Singleton
public class SqsBatchSender {
    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 262_144;
    private final SqsClient sqs;
    private final MessageCodec codec;

    public SqsBatchSender(SqsClient sqs, MessageCodec codec) {
        this.sqs = sqs;
        this.codec = codec;
    }

    /**
     * Answers, per message, null when it is on the queue, else why not. A request that fails as a
     * whole (SQS unreachable) fails its messages and all that follow, so none is sent out of order.
     */
    public List<RuntimeException> send(String queueUrl, String groupId, List<CommandMessage> messages) {
        RuntimeException[] failures = new RuntimeException[messages.size()];
        int from = 0;
        while (from < messages.size()) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            int bytes = 0;
            for (int i = from; i < messages.size() && entries.size() < MAX_ENTRIES; i++) {
                String body = codec.encode(messages.get(i));
                int size = body.getBytes(StandardCharsets.UTF_8).length;
                if (!entries.isEmpty() && bytes + size > MAX_REQUEST_BYTES) {
                    break;
                }
                bytes += size;
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .messageBody(body).messageGroupId(groupId)
                        .messageDeduplicationId(messages.get(i).commandId().value()).build());
            }
            if (!sendChunk(queueUrl, groupId, messages, from, entries, failures)) {
                break;
            }
            from += entries.size();
        }
        return Arrays.asList(failures);
    }

    /**
     * One request; answers whether later messages may follow. A request refused for its content
     * (a 400 that is not throttling) may be one entry's fault: its entries are then sent one by one.
     */
    private boolean sendChunk(String queueUrl, String groupId, List<CommandMessage> messages, int first,
                              List<SendMessageBatchRequestEntry> entries, RuntimeException[] failures) {
        try {
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            for (BatchResultErrorEntry failed : response.failed()) {
                int i = first + Integer.parseInt(failed.id());
                failures[i] = new BackendUnavailableException("SQS refused command " + messages.get(i).commandId()
                        + ": " + failed.code() + " " + failed.message(), null);
            }
            return true;
        } catch (SdkException e) {
            boolean contentRefused = e instanceof AwsServiceException ase && ase.statusCode() == 400
                    && !ase.isThrottlingException();
            if (contentRefused && entries.size() > 1) {
                boolean go = true;
                for (int k = 0; k < entries.size() && go; k++) {
                    go = sendChunk(queueUrl, groupId, messages, first + k,
                            List.of(entries.get(k).toBuilder().id("0").build()), failures);
                }
                return go;
            }
            BackendUnavailableException failure = new BackendUnavailableException(
                    "SQS did not take the commands for " + groupId + ": " + e.getMessage(), e);
            if (contentRefused) {
                failures[first] = failure;
                return true;
            }
            Arrays.fill(failures, first, messages.size(), failure);
            return false;
        }
    }
}
