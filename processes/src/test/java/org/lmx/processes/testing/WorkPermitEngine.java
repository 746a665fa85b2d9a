package org.lmx.processes.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.lmx.processes.exchange.ProcessDispatcher;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.workpermit.WorkPermitBeans;
import org.lmx.processes.workpermit.WorkPermitSettings;

/**
 * One process engine for the process tests, built in code (no camunda.cfg.xml on the classpath: STACK.md pitfall
 * 2) as the hub builds it: on the same DataSource and Spring transaction manager as the quota ledger, the permit
 * register and the dispatch table, so that a step and its ledger or register writes commit or roll back together.
 * The job executor is off: tests run jobs themselves, and fire timers by moving the {@link TestClock}.
 */
public final class WorkPermitEngine {

    public static final String BPMN = "bpmn/work-permit.bpmn";
    public static final String DMN = "dmn/work-permit-category.dmn";
    public static final String TRACKING_BPMN = "bpmn/permit-tracking.bpmn";
    public static final String REVIEW_FORM = "forms/work-permit-review.form";
    public static final String SUPERVISOR_FORM = "forms/work-permit-supervisor-approval.form";
    public static final WorkPermitSettings SETTINGS = WorkPermitSettings.defaults();

    private static WorkPermitEngine instance;

    public final TestDatabase database = TestDatabase.fresh();
    public final TestClock clock = new TestClock();
    public final RecordingSender sender = new RecordingSender();
    public final QuotaLedger ledger = new QuotaLedger(database.jdbc(), database.transactions(), clock);
    public final PermitRegister register = new PermitRegister(database.jdbc());
    /** Partner shares by "partner year sector region"; tests set them. */
    public final Map<String, Integer> shares = new ConcurrentHashMap<>();
    public final ProcessEngine engine;
    public final ProcessDispatcher dispatcher;

    private WorkPermitEngine() {
        QuotaShares quotaShares = (partner, year, sector, region) -> {
            Integer limit = shares.get(partner + " " + year + " " + sector + " " + region);
            return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
        };
        SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
        configuration.setProcessEngineName("work-permit-tests");
        configuration.setDataSource(database.dataSource());
        configuration.setTransactionManager(database.transactions());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(new HashMap<Object, Object>(
                WorkPermitBeans.of(sender, ledger, register, quotaShares, SETTINGS, clock)));
        engine = configuration.buildProcessEngine();
        dispatcher = new ProcessDispatcher(engine.getRuntimeService(), database.jdbc(), database.transactions(), clock);
    }

    public static synchronized WorkPermitEngine get() {
        if (instance == null) {
            instance = new WorkPermitEngine();
        }
        return instance;
    }

    /** Before each test: time back at the start, nothing sent, no shares, an empty ledger and register. */
    public void reset() {
        clock.reset();
        sender.clear();
        shares.clear();
        database.jdbc().update("DELETE FROM compliance_alert");
        database.jdbc().update("DELETE FROM permit_movement");
        database.jdbc().update("DELETE FROM permit_region");
        database.jdbc().update("DELETE FROM permit");
        database.jdbc().update("DELETE FROM quota_reservation");
        database.jdbc().update("DELETE FROM quota_line");
        database.jdbc().update("DELETE FROM register_counter");
        database.jdbc().update("DELETE FROM process_dispatch");
    }
}
