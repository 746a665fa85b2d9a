package org.lmx.routes.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.log.DataCipher.DataKey;
import org.lmx.routes.log.TestMessages.Part;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bodies and attachments sealed at rest with AES-GCM; the chain and digests of the plaintext; keys rotated. */
class EncryptedMessageLogTest {

    private static final Instant START = Instant.parse("2026-11-24T05:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestClock clock = new TestClock(START, ZoneOffset.UTC);
    private final RegistryDatabase.Database db = RegistryDatabase.database();
    private final JdbcTemplate jdbc = db.jdbc();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void bodiesAndAttachmentsAreNotPlaintextInTheTablesYetReadBackExactlyAndTheChainVerifies() {
        MessageLog log = new MessageLog(jdbc, db.transactions(), clock, DataCipher.of(key("2026-1"), List.of()));
        Part passport = Part.of("passport", "PASSPORT LBG0312874 Aigerim Nurlanovna");
        NewMessage sent = TestMessages.inbound("UZB:MEHNAT", "WorkPermitApplication", START, passport);
        String id = sent.entry().messageId();
        log.append(sent);

        byte[] storedBody = jdbc.queryForObject("SELECT body FROM message_log WHERE message_id = ?", byte[].class, id);
        byte[] storedContent = jdbc.queryForObject("SELECT content FROM attachment_content", byte[].class);
        assertThat(DataCipher.keyIdOf(storedBody)).contains("2026-1");
        assertThat(DataCipher.keyIdOf(storedContent)).contains("2026-1");
        assertThat(new String(storedBody, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(sent.body(), StandardCharsets.ISO_8859_1).substring(0, 20));
        assertThat(new String(storedContent, StandardCharsets.ISO_8859_1)).doesNotContain("LBG0312874", "Aigerim");
        assertThat(jdbc.queryForObject("SELECT size_bytes FROM attachment_content", Long.class))
                .isEqualTo(passport.content().length);
        // the receipt (no personal data) and the digests stay plain
        assertThat(jdbc.queryForObject("SELECT receipt FROM message_log WHERE message_id = ?", byte[].class, id))
                .isEqualTo(sent.receipt());

        assertThat(log.body(id)).hasValue(sent.body());
        assertThat(log.attachment(org.lmx.connectors.Sha256.hex(passport.content()))).hasValue(passport.content());
        assertThat(new LogVerifier(jdbc, log).verify().intact()).isTrue();
    }

    @Test
    void afterARotationOldRowsOpenWithThePreviousKeyAndNewRowsUseTheNewOne() {
        DataKey old = key("2025-1");
        DataKey current = key("2026-1");
        MessageLog before = new MessageLog(jdbc, db.transactions(), clock, DataCipher.of(old, List.of()));
        NewMessage first = TestMessages.inbound("KOR:MOEL", "Ping", START);
        before.append(first);
        // a row from before encryption was turned on is read as it is
        MessageLog plain = new MessageLog(jdbc, db.transactions(), clock);
        NewMessage unencrypted = TestMessages.inbound("KOR:MOEL", "Ping", START.plusSeconds(1));
        plain.append(unencrypted);

        MessageLog after = new MessageLog(jdbc, db.transactions(), clock, DataCipher.of(current, List.of(old)));
        NewMessage second = TestMessages.inbound("KOR:MOEL", "Ping", START.plusSeconds(2));
        after.append(second);

        assertThat(DataCipher.keyIdOf(storedBody(first))).contains("2025-1");
        assertThat(DataCipher.keyIdOf(storedBody(unencrypted))).isEmpty();
        assertThat(DataCipher.keyIdOf(storedBody(second))).contains("2026-1");
        assertThat(after.body(first.entry().messageId())).hasValue(first.body());
        assertThat(after.body(unencrypted.entry().messageId())).hasValue(unencrypted.body());
        assertThat(after.body(second.entry().messageId())).hasValue(second.body());
        assertThat(new LogVerifier(jdbc, after).verify().intact()).isTrue();

        // without the previous key the old row cannot be read, and the verifier says which entry and why
        MessageLog forgotten = new MessageLog(jdbc, db.transactions(), clock, DataCipher.of(current, List.of()));
        assertThatThrownBy(() -> forgotten.body(first.entry().messageId()))
                .hasMessageContaining("data key 2025-1, which is not given");
        LogVerification verification = new LogVerifier(jdbc, forgotten).verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBreak()).get().extracting(LogVerification.Break::problem).asString().contains("cannot be decrypted");
    }

    @Test
    void anAlteredSealedValueDoesNotOpen() {
        DataCipher cipher = DataCipher.of(key("k"), List.of());
        byte[] sealed = cipher.seal("Aigerim".getBytes(StandardCharsets.UTF_8));
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(sealed)).hasMessageContaining("does not open");
        assertThatThrownBy(() -> DataKey.parse("k:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("not 256 bits");
    }

    private byte[] storedBody(NewMessage message) {
        return jdbc.queryForObject("SELECT body FROM message_log WHERE message_id = ?", byte[].class,
                message.entry().messageId());
    }

    private static DataKey key(String id) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return DataKey.parse(id + ":" + Base64.getEncoder().encodeToString(key));
    }
}
