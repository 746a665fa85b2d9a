package org.lmx.hub.retention;

import org.lmx.hub.audit.AuditLog;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.log.RetentionPurge;
import org.lmx.routes.log.RetentionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the retention purge every day (lmx.retention.cron) on its own scheduler thread, so that enabling it
 * schedules nothing else in the application. Every node runs it: the purge itself makes that safe (each message
 * once, recorded first), and the second node finds nothing left.
 */
final class DailyRetentionPurge implements SmartLifecycle {

    static final String ACTOR = "retention-job";
    private static final Logger LOG = LoggerFactory.getLogger(DailyRetentionPurge.class);

    private final RetentionPurge purge;
    private final AuditLog audit;
    private final LmxProperties.Retention settings;
    private ThreadPoolTaskScheduler scheduler;

    DailyRetentionPurge(RetentionPurge purge, AuditLog audit, LmxProperties.Retention settings) {
        this.purge = purge;
        this.audit = audit;
        this.settings = settings;
    }

    void runOnce() {
        try {
            RetentionReport report = purge.purge(false);
            audit.record(ACTOR, "RETENTION_PURGE", "message log", "PURGED", report.summary());
            LOG.info("retention: {}", report.summary());
        } catch (RuntimeException e) {
            // tomorrow's run tries again; nothing is half done (one transaction per message)
            LOG.error("retention purge failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled()) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("lmx-retention-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.schedule(this::runOnce, new CronTrigger(settings.cron(), settings.zone()));
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
