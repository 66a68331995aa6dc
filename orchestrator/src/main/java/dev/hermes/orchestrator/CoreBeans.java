package dev.hermes.orchestrator;

import dev.hermes.protocol.message.MessageCodec;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans with no better home: the clock (replaceable in tests) and the queue message codec. */
@Factory
public class CoreBeans {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    MessageCodec messageCodec() {
        return new MessageCodec();
    }
}
