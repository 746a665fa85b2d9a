package org.lmx.hub.abroad;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.lmx.hub.config.LmxProperties;
import org.lmx.hub.workpermit.NamedBeans;
import org.lmx.processes.consular.ConsularPartners;
import org.lmx.processes.consular.ConsularProtectionBeans;
import org.lmx.processes.consular.ConsularProtectionSettings;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.vetting.ContractRegister;
import org.lmx.processes.vetting.ContractVettingBeans;
import org.lmx.processes.vetting.ContractVettingSettings;
import org.lmx.processes.vetting.HostCountryFigures;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the processes for citizens working abroad (contract-vetting, consular-protection) to the hub: documents go
 * out through the exchange's outbound entry (the work-permit wiring's DocumentSender), the host countries' figures,
 * ministries and NGOs come from {@code lmx.contract-vetting.*} and {@code lmx.consular-protection.*}, and each
 * result names the country information pack that {@code /api/country-packs} serves.
 */
@Configuration(proxyBeanMethods = false)
class CitizensAbroadConfiguration {

    @Bean
    ContractRegister contractRegister(JdbcTemplate jdbc) {
        return new ContractRegister(jdbc);
    }

    @Bean
    CountryPackStore countryPackStore() {
        return CountryPackStore.fromClasspath();
    }

    @Bean
    ProcessEnginePlugin contractVettingBeans(ConfigurableListableBeanFactory factory, DocumentSender sender,
                                             ContractRegister register, CountryPackStore packs,
                                             LmxProperties properties, Clock clock) {
        LmxProperties.ContractVetting p = properties.contractVetting();
        return new NamedBeans(factory, ContractVettingBeans.of(sender, register, figures(p), packs,
                new ContractVettingSettings(p.consularService(), p.contactEmail(), p.contactPhone()), clock));
    }

    @Bean
    ProcessEnginePlugin consularProtectionBeans(ConfigurableListableBeanFactory factory, DocumentSender sender,
                                                ContractRegister register, LmxProperties properties, Clock clock) {
        LmxProperties.ConsularProtection p = properties.consularProtection();
        return new NamedBeans(factory, ConsularProtectionBeans.of(sender, register, partners(p),
                new ConsularProtectionSettings(p.informationResponse(), p.reminder(), p.consularService(),
                        p.migrationPolice(), p.contactName(), p.contactEmail(), p.contactPhone()), clock));
    }

    static HostCountryFigures figures(LmxProperties.ContractVetting p) {
        Map<String, HostCountryFigures.Figures> figures = new HashMap<>();
        p.hostCountries().forEach((country, f) -> figures.put(country,
                new HostCountryFigures.Figures(f.minimumMonthlyWage(), f.currency(), f.maximumWeeklyHours())));
        return HostCountryFigures.of(figures);
    }

    static ConsularPartners partners(LmxProperties.ConsularProtection p) {
        Map<String, String> ministries = new HashMap<>();
        Map<String, String> ngos = new HashMap<>();
        p.partners().forEach((country, partner) -> {
            if (partner.ministry() != null && !partner.ministry().isBlank()) {
                ministries.put(country, partner.ministry());
            }
            if (partner.ngo() != null && !partner.ngo().isBlank()) {
                ngos.put(country, partner.ngo());
            }
        });
        return ConsularPartners.of(ministries, ngos);
    }
}
