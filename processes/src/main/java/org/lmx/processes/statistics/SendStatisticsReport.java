package org.lmx.processes.statistics;

import static org.lmx.processes.statistics.StatisticsVariables.*;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.exchange.Sent;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.ClosedPeriod;
import org.lmx.xsd.exchange.v1.ComplianceAlertType;
import org.lmx.xsd.exchange.v1.ConsularIndicator;
import org.lmx.xsd.exchange.v1.ConsularOutcome;
import org.lmx.xsd.exchange.v1.Contact;
import org.lmx.xsd.exchange.v1.ContractRuleCode;
import org.lmx.xsd.exchange.v1.ContractVerdict;
import org.lmx.xsd.exchange.v1.EconomicSector;
import org.lmx.xsd.exchange.v1.PermitCategory;
import org.lmx.xsd.exchange.v1.RegionCode;
import org.lmx.xsd.exchange.v1.StatisticsIndicatorCode;
import org.lmx.xsd.exchange.v1.StatisticsReport;

/**
 * Measures the month's indicators and sends the signed StatisticsReport (the hub signs it) to the statistics bureau
 * through the exchange's outbound entry, in the step's transaction, then records the MessageId on the month. Request
 * key = instance:activity:recipient, so a step run again gets the document issued the first time.
 */
public class SendStatisticsReport implements JavaDelegate {

    private final DocumentSender sender;
    private final StatisticsIndicators indicators;
    private final MonthlyReports reports;
    private final StatisticsSettings settings;
    private final Clock clock;

    public SendStatisticsReport(DocumentSender sender, StatisticsIndicators indicators, MonthlyReports reports,
                                StatisticsSettings settings, Clock clock) {
        this.sender = sender;
        this.indicators = indicators;
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = YearMonth.parse((String) execution.getVariable(MONTH));
        StatisticsReport report = report(month, (String) execution.getVariable(REPORT_REFERENCE),
                indicators.of(month, CaseHistory.of(execution.getProcessEngineServices().getHistoryService())), settings);
        Sent sent = sender.send(new OutgoingDocument(settings.recipient(), "StatisticsReport",
                (String) execution.getVariable(CONVERSATION_ID), null, ContractXml.element(report),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + settings.recipient()));
        reports.sent(month, sent.messageId(), clock.instant().atZone(settings.zone()).toOffsetDateTime());
        execution.setVariable(MESSAGE_ID, sent.messageId());
    }

    /** The StatisticsReport of a month's values (the REST view shows the same values). */
    public static StatisticsReport report(YearMonth month, String reference, List<IndicatorValue> values,
                                          StatisticsSettings settings) {
        StatisticsReport report = new StatisticsReport();
        report.setReportReference(reference);
        ClosedPeriod period = new ClosedPeriod();
        period.setFrom(month.atDay(1));
        period.setTo(month.atEndOfMonth());
        report.setPeriod(period);
        for (IndicatorValue value : values) {
            report.getIndicator().add(indicator(value));
        }
        if (settings.preparedBy() != null) {
            Contact contact = new Contact();
            contact.setName(settings.preparedBy());
            report.setPreparedBy(contact);
        }
        return report;
    }

    private static StatisticsReport.Indicator indicator(IndicatorValue value) {
        StatisticsReport.Indicator i = new StatisticsReport.Indicator();
        i.setCode(StatisticsIndicatorCode.fromValue(value.code()));
        String key = value.key();
        switch (value.by()) {
            case TOTAL -> { }
            case REGION -> i.setRegion(RegionCode.fromValue(key));
            case SECTOR -> i.setSector(EconomicSector.fromValue(key));
            case CITIZENSHIP -> i.setCitizenship(key);
            case CATEGORY -> i.setCategory(PermitCategory.fromValue(key));
            case ALERT_TYPE -> i.setAlertType(ComplianceAlertType.fromValue(key));
            case CONSULAR_INDICATOR -> i.setConsularIndicator(ConsularIndicator.fromValue(key));
            case CONSULAR_OUTCOME -> i.setConsularOutcome(ConsularOutcome.fromValue(key));
            case CONTRACT_VERDICT -> i.setContractVerdict(ContractVerdict.fromValue(key));
            case CONTRACT_RULE -> i.setContractRule(ContractRuleCode.fromValue(key));
        }
        i.setValue(value.value());
        return i;
    }
}
