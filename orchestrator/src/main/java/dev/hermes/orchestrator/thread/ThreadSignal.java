package dev.hermes.orchestrator.thread;

/** Which clue placed a message in its thread (DESIGN §7), strongest first. Recorded on the command. */
public enum ThreadSignal {
    PLUS_ADDRESS,
    REPLY_HEADER,
    TOKEN,
    SMS_PAIR,
    CHAT,
    NEW
}
