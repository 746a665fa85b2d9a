package org.lmx.processes.testing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.lmx.processes.consular.ConsularPartners;
import org.lmx.processes.consular.ConsularProtectionBeans;
import org.lmx.processes.consular.ConsularProtectionSettings;
import org.lmx.processes.exchange.ProcessDispatcher;
import org.lmx.processes.vetting.ContractRegister;
import org.lmx.processes.vetting.ContractVettingBeans;
import org.lmx.processes.vetting.ContractVettingSettings;
import org.lmx.processes.vetting.CountryPacks;
import org.lmx.processes.vetting.HostCountryFigures;
import org.lmx.processes.vetting.HostCountryFigures.Figures;

/**
 * The engine of the citizens-abroad process tests (contract-vetting, consular-protection), built in code like
 * {@link WorkPermitEngine} on a database of its own, with the dispatcher the hub uses. Host-country figures and
 * country packs are test values, not legal data: Korea KRW 2 156 880 and 40 hours, Germany EUR 2 400 and 48
 * hours, the UAE AED 1 000 and 48 hours; no figures for Türkiye.
 */
public final class AbroadEngine {

    public static final String VETTING_BPMN = "bpmn/contract-vetting.bpmn";
    public static final String VETTING_DMN = "dmn/contract-vetting-rules.dmn";
    public static final String VETTING_FORM = "forms/contract-vetting-vet.form";
    public static final String CONSULAR_BPMN = "bpmn/consular-protection.bpmn";
    public static final String CONSULAR_DMN = "dmn/consular-severity.dmn";
    public static final String TRIAGE_FORM = "forms/consular-protection-triage.form";
    public static final String SUPERVISE_FORM = "forms/consular-protection-supervise.form";
    public static final String ESCALATE_FORM = "forms/consular-protection-escalate.form";
    public static final String ACTION_PLAN_FORM = "forms/consular-protection-action-plan.form";
    public static final String CLOSE_FORM = "forms/consular-protection-close.form";
    public static final ConsularProtectionSettings CONSULAR = ConsularProtectionSettings.defaults();

    public static final HostCountryFigures FIGURES = HostCountryFigures.of(Map.of(
            "KOR", new Figures(new BigDecimal("2156880.00"), "KRW", new BigDecimal("40")),
            "DEU", new Figures(new BigDecimal("2400.00"), "EUR", new BigDecimal("48")),
            "ARE", new Figures(new BigDecimal("1000.00"), "AED", new BigDecimal("48"))));
    /** The UAE's labour ministry and an NGO with an agreement of its own; Korea's ministry; no NGO in Korea. */
    public static final ConsularPartners PARTNERS = ConsularPartners.of(
            Map.of("ARE", "ARE:MOHRE", "KOR", "KOR:MOEL", "DEU", "DEU:BMAS"), Map.of("ARE", "ARE:NGO-EWAS"));
    public static final CountryPacks PACKS = CountryPacks.of(Map.of(
            "KOR", "INFO-KOR-v2", "DEU", "INFO-DEU-v1", "ARE", "INFO-ARE-v1"));

    private static AbroadEngine instance;

    public final TestDatabase database = TestDatabase.fresh();
    public final TestClock clock = new TestClock();
    public final RecordingSender sender = new RecordingSender();
    public final ContractRegister contracts = new ContractRegister(database.jdbc());
    public final ProcessEngine engine;
    public final ProcessDispatcher dispatcher;

    private AbroadEngine() {
        SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
        configuration.setProcessEngineName("abroad-tests");
        configuration.setDataSource(database.dataSource());
        configuration.setTransactionManager(database.transactions());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        Map<Object, Object> beans = new HashMap<>(ContractVettingBeans.of(sender, contracts, FIGURES, PACKS,
                ContractVettingSettings.defaults(), clock));
        beans.putAll(ConsularProtectionBeans.of(sender, contracts, PARTNERS, CONSULAR, clock));
        configuration.setBeans(beans);
        engine = configuration.buildProcessEngine();
        dispatcher = new ProcessDispatcher(engine.getRuntimeService(), database.jdbc(), database.transactions(), clock);
    }

    public static synchronized AbroadEngine get() {
        if (instance == null) {
            instance = new AbroadEngine();
        }
        return instance;
    }

    /** Before each test: time back at the start, nothing sent, empty register and dispatch table. */
    public void reset() {
        clock.reset();
        sender.clear();
        database.jdbc().update("DELETE FROM contract_register");
        database.jdbc().update("DELETE FROM register_counter");
        database.jdbc().update("DELETE FROM process_dispatch");
    }
}
