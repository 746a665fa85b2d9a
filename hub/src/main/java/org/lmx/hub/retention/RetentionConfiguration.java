package org.lmx.hub.retention;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.lmx.hub.audit.AuditLog;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.log.RetentionPurge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The retention purge: each message's retention is its agreement's current Retention/MessageBodies (a later
 * version that shortens or lengthens it applies to what is kept now), run daily and on an operator's request.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    RetentionPurge retentionPurge(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                                  AgreementRegistry agreements) {
        return new RetentionPurge(jdbc, transactions, clock,
                agreementId -> agreements.current(agreementId).map(CurrentAgreement::bodyRetention));
    }

    @Bean
    DailyRetentionPurge dailyRetentionPurge(RetentionPurge purge, AuditLog audit, LmxProperties properties) {
        return new DailyRetentionPurge(purge, audit, properties.retention());
    }
}
