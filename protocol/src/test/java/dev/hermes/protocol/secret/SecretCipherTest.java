package dev.hermes.protocol.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final String CANARY = "canary-7f3c1e9b-secret";
    private final MasterKeys keys = MasterKeys.generate();
    private final SecretCipher cipher = new SecretCipher(keys);

    @Test
    void aSealedValueOpensForItsOwnRecordAndFieldOnly() {
        String sealed = cipher.seal("project:alpha", "git.token", Secret.of(CANARY));
        assertFalse(sealed.contains(CANARY));
        assertFalse(new String(Base64.getUrlDecoder().decode(sealed.split("\\.")[4])).contains(CANARY));
        assertEquals(CANARY, cipher.open("project:alpha", "git.token", sealed).reveal());

        SecretUnreadableException moved = assertThrows(SecretUnreadableException.class,
                () -> cipher.open("project:beta", "git.token", sealed));
        assertFalse(moved.getMessage().contains(CANARY));
        assertThrows(SecretUnreadableException.class, () -> cipher.open("project:alpha", "env.TOKEN", sealed));
        // Another scope has other data keys: a project value copied into Hermes's own record does not open either.
        assertThrows(SecretUnreadableException.class, () -> cipher.open("global:secrets", "git.token", sealed));
    }

    @Test
    void everyValueHasItsOwnNonce() {
        String one = cipher.seal("project:alpha", "git.token", Secret.of(CANARY));
        String two = cipher.seal("project:alpha", "git.token", Secret.of(CANARY));
        assertNotEquals(one.split("\\.")[3], two.split("\\.")[3]);
        assertNotEquals(one, two);
    }

    @Test
    void alteredBytesAreRefused() {
        String sealed = cipher.seal("project:alpha", "git.token", Secret.of(CANARY));
        String[] parts = sealed.split("\\.");
        byte[] ct = Base64.getUrlDecoder().decode(parts[4]);
        ct[0] ^= 1;
        parts[4] = Base64.getUrlEncoder().withoutPadding().encodeToString(ct);
        assertThrows(SecretUnreadableException.class, () -> cipher.open("project:alpha", "git.token", String.join(".", parts)));
        assertThrows(SecretUnreadableException.class, () -> cipher.open("project:alpha", "git.token", "plain text"));
        assertThrows(SecretUnreadableException.class, () -> cipher.open("project:alpha", "git.token", "hs1.!.!.!.!"));
    }

    @Test
    void anotherKeyFileCannotOpenIt() {
        String sealed = cipher.seal("project:alpha", "git.token", Secret.of(CANARY));
        assertThrows(SecretUnreadableException.class,
                () -> new SecretCipher(MasterKeys.generate()).open("project:alpha", "git.token", sealed));
    }

    @Test
    void afterARotationNewValuesUseTheNewKeyAndOldOnesStillOpen() {
        String old = cipher.seal("project:alpha", "git.token", Secret.of(CANARY));
        MasterKeys rotated = MasterKeys.parse(keys.rotated().format());
        SecretCipher next = new SecretCipher(rotated);
        String fresh = next.seal("project:alpha", "git.token", Secret.of("new-" + CANARY));
        assertEquals(new KeyRef(KeyRef.FILE, "k1"), SecretCipher.keyOf(old));
        assertEquals(new KeyRef(KeyRef.FILE, "k2"), SecretCipher.keyOf(fresh));
        assertEquals(new KeyRef(KeyRef.FILE, "k2"), next.currentKey(KeyScope.PROJECT));
        assertEquals(CANARY, next.open("project:alpha", "git.token", old).reveal());
        assertEquals("new-" + CANARY, next.open("project:alpha", "git.token", fresh).reveal());
        assertThrows(SecretUnreadableException.class, () -> cipher.open("project:alpha", "git.token", fresh),
                "the old key file does not hold k2");
    }

    @Test
    void secretsAndKeysRedactThemselves() {
        assertEquals("Secret[***]", Secret.of(CANARY).toString());
        assertFalse(keys.toString().contains(keys.format().split("\n")[2]));
        assertTrue(Secret.of(CANARY).matches(CANARY));
        assertFalse(Secret.of(CANARY).matches(CANARY + "x"));
        assertThrows(IllegalArgumentException.class, () -> Secret.of(""));
    }
}
