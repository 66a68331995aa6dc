package dev.hermes.protocol.state;

/** Where a message came from, and so where its reply goes. */
public enum Channel {
    EMAIL,
    SMS,
    SLACK,
    CHAT
}
