package dev.hermes.protocol.secret;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The credentials view cannot be written out by a JSON mapper, whatever it is wrapped in. */
class SecretSerializationTest {
    private static final String CANARY = "canary-2b8d6a40-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Holder(String user, Secret token) {
    }

    @Test
    void jacksonRefusesSecretsAndDataKeys() {
        JsonMappingException direct = assertThrows(JsonMappingException.class, () -> JSON.writeValueAsString(Secret.of(CANARY)));
        assertFalse(direct.getMessage().contains(CANARY));
        assertThrows(JsonMappingException.class, () -> JSON.writeValueAsString(new Holder("x", Secret.of(CANARY))));
        assertThrows(JsonMappingException.class, () -> JSON.writeValueAsString(Map.of("t", Secret.of(CANARY))));
        assertThrows(JsonMappingException.class,
                () -> JSON.writeValueAsString(MasterKeys.generate().newDataKey(KeyScope.PROJECT)));
        assertThrows(JsonMappingException.class, () -> JSON.writeValueAsString(MasterKeys.generate()));
    }
}
