package org.lmx.processes.vetting;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.permit.RegisterCounters;

/**
 * Every bean that contract-vetting.bpmn names by delegateExpression, under that name. Process tests give the map to
 * the engine configuration ({@code setBeans}); the hub registers each entry as a Spring bean of the same name.
 */
public final class ContractVettingBeans {

    private ContractVettingBeans() {
    }

    public static Map<String, Object> of(DocumentSender sender, ContractRegister register, HostCountryFigures figures,
                                         CountryPacks packs, ContractVettingSettings settings, Clock clock) {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("registerContractCase",
                new RegisterContractCase(new RegisterCounters(register.jdbc()), figures, packs, clock));
        beans.put("applyVettingRules", new ApplyVettingRules(figures));
        beans.put("recordVettingOfficer", new RecordVettingOfficer());
        beans.put("recordVerdict", new RecordVerdict(register, clock));
        beans.put("sendVettingResult", new SendVettingResult(sender, settings));
        return beans;
    }
}
