package dev.hermes.worker.poll;

/**
 * Does the work of one received message and deletes it when its effect is durable. A message it
 * leaves alone becomes visible again after the visibility timeout; an exception is logged by the loop.
 */
@FunctionalInterface
public interface MessageHandler {
    void handle(ReceivedMessage message);
}
