package dev.hermes.orchestrator.reply.standin;

/** A generic chat's callback receiver: takes any POST to {@code /hook/…} with 204, as a webhook receiver does. */
public final class ChatReceiverStandIn extends StandIn {
    @Override
    protected Answer answer(Request r) {
        if (!r.method().equals("POST") || !r.path().startsWith("/hook")) {
            return null;
        }
        return new Answer(204, "text/plain", "", java.util.Map.of());
    }

    public String callbackUrl(String name) {
        return baseUrl() + "/hook/" + name;
    }
}
