package org.lmx.routes.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmx.routes.agreements.RegistryDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on H2 as several drainers (threads or hub nodes) use it: a row is claimed without waiting, done once. */
class OutboxTest {

    private final RegistryDatabase.Database db = RegistryDatabase.pooled(4);
    private final Outbox outbox = new Outbox(db.jdbc(), Clock.systemUTC());
    private final TransactionTemplate transactions = new TransactionTemplate(db.transactions());

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void aRowAnotherTransactionHoldsIsSkippedAtOnceAndDoneOnceItIsLetGo() throws Exception {
        new MessageLog(db.jdbc(), db.transactions(), Clock.systemUTC())
                .append(TestMessages.inbound("KOR:MOEL", "Ping", Instant.now()));
        Outbox.Item item = outbox.pending(Outbox.Kind.DISPATCH, 10).get(0);

        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            assertThat(Outbox.claim(new JdbcTemplate(new SingleConnectionDataSource(other, true)), item.id())).isTrue();
            long started = System.nanoTime();
            // H2 would wait up to LOCK_TIMEOUT (20 s here) for a plain UPDATE of the held row
            assertThat(done(item)).as("held by the other transaction").isFalse();
            assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds waited").isLessThan(2000);
            other.rollback();
        }
        assertThat(done(item)).isTrue();
        assertThat(done(item)).as("done once").isFalse();
        assertThat(outbox.pending(Outbox.Kind.DISPATCH, 10)).isEmpty();
    }

    private boolean done(Outbox.Item item) {
        return Boolean.TRUE.equals(transactions.execute(status -> outbox.done(item)));
    }
}
