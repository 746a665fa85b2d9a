package org.lmx.processes.testing;

import java.util.HashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.lmx.processes.consular.ConsularVariables;
import org.lmx.processes.statistics.MonthlyReports;
import org.lmx.processes.statistics.StatisticsBeans;
import org.lmx.processes.statistics.StatisticsIndicators;
import org.lmx.processes.statistics.StatisticsSettings;
import org.lmx.processes.vetting.ContractVettingVariables;
import org.lmx.processes.workpermit.WorkPermitVariables;

/**
 * The engine of the statistics-report tests, built in code like {@link QuotaRefreshEngine} (its own database), with
 * stand-ins for the processes whose history the report reads: consular-protection, contract-vetting and work-permit
 * as a start, one user task ({@value #OPEN_TASK}) and an end, so a test opens and closes cases at chosen times with
 * the variables the real processes leave (indicators, outcomes). Their own tests cover the real models.
 */
public final class StatisticsEngine {

    public static final String BPMN = "bpmn/statistics-report.bpmn";
    public static final String OPEN_TASK = "open";

    private static StatisticsEngine instance;

    public final TestDatabase database = TestDatabase.fresh();
    public final TestClock clock = new TestClock();
    public final RecordingSender sender = new RecordingSender();
    public final StatisticsSettings settings = StatisticsSettings.defaults();
    public final StatisticsIndicators indicators = new StatisticsIndicators(database.jdbc(), settings.zone());
    public final MonthlyReports reports = new MonthlyReports(database.jdbc());
    public final ProcessEngine engine;

    private StatisticsEngine() {
        SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
        configuration.setProcessEngineName("statistics-tests");
        configuration.setDataSource(database.dataSource());
        configuration.setTransactionManager(database.transactions());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(new HashMap<Object, Object>(StatisticsBeans.of(sender, indicators, reports, settings,
                clock)));
        engine = configuration.buildProcessEngine();
        for (String key : new String[] {ConsularVariables.PROCESS_KEY, ContractVettingVariables.PROCESS_KEY,
                WorkPermitVariables.PROCESS_KEY}) {
            engine.getRepositoryService().createDeployment().name("stand-in " + key)
                    .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(3650)
                            .startEvent().userTask(OPEN_TASK).endEvent().done())
                    .deploy();
        }
    }

    public static synchronized StatisticsEngine get() {
        if (instance == null) {
            instance = new StatisticsEngine();
        }
        return instance;
    }

    /** Before each test: time back at the start, nothing sent, no cases and no history, empty tables. */
    public void reset() {
        clock.reset();
        sender.clear();
        engine.getRuntimeService().createProcessInstanceQuery().list().stream().map(ProcessInstance::getId)
                .forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "test reset"));
        var finished = engine.getHistoryService().createHistoricProcessInstanceQuery().list().stream()
                .map(HistoricProcessInstance::getId).toList();
        if (!finished.isEmpty()) {
            engine.getHistoryService().deleteHistoricProcessInstances(finished);
        }
        for (String table : new String[] {"statistics_report", "compliance_alert", "contract_register",
                "permit_movement", "permit_region", "permit", "quota_reservation", "quota_line"}) {
            database.jdbc().update("DELETE FROM " + table);
        }
    }
}
