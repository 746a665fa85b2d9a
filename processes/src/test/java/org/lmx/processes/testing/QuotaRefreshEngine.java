package org.lmx.processes.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.lmx.processes.exchange.ProcessDispatcher;
import org.lmx.processes.quota.DemandReports;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaPlaces;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.quotarefresh.QuotaRefreshBeans;
import org.lmx.processes.quotarefresh.QuotaRefreshSettings;

/**
 * The engine of the quota-refresh tests, built in code like {@link WorkPermitEngine} (its own database): the
 * ledger, the demand reports, a recording sender, partner shares and agencies to notify that the tests set.
 */
public final class QuotaRefreshEngine {

    public static final String BPMN = "bpmn/quota-refresh.bpmn";
    public static final String DMN = "dmn/in-demand-professions.dmn";
    public static final String FORM = "forms/quota-refresh-review.form";

    private static QuotaRefreshEngine instance;

    public final TestDatabase database = TestDatabase.fresh();
    public final TestClock clock = new TestClock();
    public final RecordingSender sender = new RecordingSender();
    public final QuotaLedger ledger = new QuotaLedger(database.jdbc(), database.transactions(), clock);
    public final DemandReports reports = new DemandReports(database.jdbc(), clock);
    /** The partners' shares by partner, then "year" -> lines; tests set them. */
    public final Map<String, Map<Integer, List<QuotaPlaces>>> shares = new ConcurrentHashMap<>();
    public final List<String> agencies = new CopyOnWriteArrayList<>();
    public final ProcessEngine engine;
    public final ProcessDispatcher dispatcher;

    private QuotaRefreshEngine() {
        QuotaShares quotaShares = new QuotaShares() {
            @Override
            public OptionalInt limit(String partner, int year, String sector, String region) {
                return sharesOf(partner, year).stream()
                        .filter(s -> s.sector().equals(sector) && s.region().equals(region))
                        .mapToInt(QuotaPlaces::places).findFirst();
            }

            @Override
            public Set<String> partners() {
                return Set.copyOf(shares.keySet());
            }

            @Override
            public List<QuotaPlaces> sharesOf(String partner, int year) {
                return new ArrayList<>(shares.getOrDefault(partner, Map.of()).getOrDefault(year, List.of()));
            }
        };
        SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
        configuration.setProcessEngineName("quota-refresh-tests");
        configuration.setDataSource(database.dataSource());
        configuration.setTransactionManager(database.transactions());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(new HashMap<Object, Object>(QuotaRefreshBeans.of(sender, ledger, quotaShares, reports,
                () -> List.copyOf(agencies), QuotaRefreshSettings.defaults(), clock)));
        engine = configuration.buildProcessEngine();
        dispatcher = new ProcessDispatcher(engine.getRuntimeService(), database.jdbc(), database.transactions(), clock);
    }

    public static synchronized QuotaRefreshEngine get() {
        if (instance == null) {
            instance = new QuotaRefreshEngine();
        }
        return instance;
    }

    /** Before each test: time back at the start, nothing sent, no shares or agencies, empty tables. */
    public void reset() {
        clock.reset();
        sender.clear();
        shares.clear();
        agencies.clear();
        database.jdbc().update("DELETE FROM regional_demand");
        database.jdbc().update("DELETE FROM quota_reservation");
        database.jdbc().update("DELETE FROM quota_line");
        database.jdbc().update("DELETE FROM register_counter");
        database.jdbc().update("DELETE FROM process_dispatch");
    }
}
