package dev.hermes.worker.bench;

import dev.hermes.worker.testing.Emulators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Send-to-receive latency of one FIFO message to a receiver that is already long-polling. */
final class SqsDelivery {
    private SqsDelivery() {
    }

    static List<Double> measure(Emulators emulators, int count) {
        String url = emulators.sqs().createQueue(b -> b.queueName("bench-delivery.fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
                .queueUrl();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CompletableFuture<List<Message>> received = CompletableFuture.supplyAsync(() -> emulators.sqs()
                    .receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20).maxNumberOfMessages(1)).messages());
            pause(20);   // the receive is waiting before the send
            long sent = System.nanoTime();
            int n = i;
            emulators.sqs().sendMessage(b -> b.queueUrl(url).messageBody("m" + n).messageGroupId("g"));
            List<Message> messages = received.join();
            long got = System.nanoTime();
            messages.forEach(m -> emulators.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
            out.add((got - sent) / 1_000_000.0);
        }
        return out;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
