package org.lmx.processes.quotarefresh;

import static org.lmx.processes.quotarefresh.QuotaRefreshVariables.*;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaLine;
import org.lmx.processes.quota.QuotaPlaces;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.EconomicSector;
import org.lmx.xsd.exchange.v1.Profession;
import org.lmx.xsd.exchange.v1.QuotaNotice;
import org.lmx.xsd.exchange.v1.RegionCode;

/**
 * The signed QuotaNotice (the hub signs it) to each agency of {@link NoticeRecipients} and to each partner whose
 * agreement carries quota shares: the year's ledger lines, the ranking of in-demand professions, and the shares -
 * a partner's notice carries its own only (contract), an agency's every partner's. Request key = instance :
 * activity : recipient, so a step that runs again gets the documents issued the first time.
 */
public class SendQuotaNotices implements JavaDelegate {

    private final DocumentSender sender;
    private final QuotaLedger ledger;
    private final QuotaShares shares;
    private final NoticeRecipients recipients;
    private final QuotaRefreshSettings settings;

    public SendQuotaNotices(DocumentSender sender, QuotaLedger ledger, QuotaShares shares, NoticeRecipients recipients,
                            QuotaRefreshSettings settings) {
        this.sender = sender;
        this.ledger = ledger;
        this.shares = shares;
        this.recipients = recipients;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = ((Number) execution.getVariable(YEAR)).intValue();
        List<QuotaLine> lines = ledger.lines(year);
        Set<String> partners = new java.util.TreeSet<>(shares.partners());
        Set<String> agencies = new LinkedHashSet<>(recipients.agencies());
        agencies.removeAll(partners);
        for (String agency : agencies) {
            List<QuotaNotice.PartnerShare> all = new ArrayList<>();
            partners.forEach(p -> all.addAll(shares(p, year)));
            send(execution, agency, notice(execution, year, lines, all));
        }
        for (String partner : partners) {
            send(execution, partner, notice(execution, year, lines, shares(partner, year)));
        }
    }

    private void send(DelegateExecution execution, String to, QuotaNotice notice) {
        sender.send(new OutgoingDocument(to, "QuotaNotice", (String) execution.getVariable(CONVERSATION_ID), null,
                ContractXml.element(notice),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + to));
    }

    private QuotaNotice notice(DelegateExecution execution, int year, List<QuotaLine> lines,
                               List<QuotaNotice.PartnerShare> partnerShares) {
        QuotaNotice notice = new QuotaNotice();
        notice.setNoticeReference((String) execution.getVariable(NOTICE_REFERENCE));
        notice.setSupersedes((String) execution.getVariable(SUPERSEDES));
        notice.setYear(Year.of(year));
        notice.setEffectiveFrom(LocalDate.parse((String) execution.getVariable(EFFECTIVE_FROM)));
        notice.setLegalBasis(settings.legalBasis());
        for (QuotaLine line : lines) {
            QuotaNotice.QuotaLine q = new QuotaNotice.QuotaLine();
            q.setSector(EconomicSector.fromValue(line.sector()));
            q.setRegion(RegionCode.fromValue(line.region()));
            q.setLimit(BigInteger.valueOf(line.places()));
            notice.getQuotaLine().add(q);
        }
        notice.getPartnerShare().addAll(partnerShares);
        String ranked = (String) execution.getVariable(RANKED_PROFESSIONS);
        int rank = 0;
        for (String row : ranked == null ? new String[0] : ranked.split("\n")) {
            if (row.isBlank() || rank == 100) {
                continue;
            }
            QuotaNotice.InDemandProfession p = new QuotaNotice.InDemandProfession();
            p.setRank(BigInteger.valueOf(++rank));
            Profession profession = new Profession();
            profession.setIscoCode(row.substring(0, 4));
            profession.setJobTitle(row.substring(5).strip());
            p.setProfession(profession);
            notice.getInDemandProfession().add(p);
        }
        return notice;
    }

    private List<QuotaNotice.PartnerShare> shares(String partner, int year) {
        List<QuotaNotice.PartnerShare> result = new ArrayList<>();
        for (QuotaPlaces share : shares.sharesOf(partner, year)) {
            QuotaNotice.PartnerShare s = new QuotaNotice.PartnerShare();
            s.setPartner(partner);
            s.setSector(EconomicSector.fromValue(share.sector()));
            s.setRegion(RegionCode.fromValue(share.region()));
            s.setLimit(BigInteger.valueOf(share.places()));
            result.add(s);
        }
        return result;
    }
}
