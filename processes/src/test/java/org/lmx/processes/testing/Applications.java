package org.lmx.processes.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.xsd.exchange.v1.EconomicSector;
import org.lmx.xsd.exchange.v1.IscedLevel;
import org.lmx.xsd.exchange.v1.PermitCategory;
import org.lmx.xsd.exchange.v1.ProtectionStatusKind;
import org.lmx.xsd.exchange.v1.RegionCode;
import org.lmx.xsd.exchange.v1.TravelDocumentKind;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * Work-permit applications for each part of the mission, made from the committed sample (Korea's intra-corporate
 * transfer of a welding engineer to Atyrau and Mangystau) with what makes each category.
 */
public final class Applications {

    private Applications() {
    }

    /** The sample as it is: INTRA_CORPORATE, sector F, regions KZ-23 and KZ-47, 2026-03-01 to 2028-02-29. */
    public static WorkPermitApplication intraCorporateTransfer() {
        WorkPermitApplication a = Envelopes.sample("WorkPermitApplication", WorkPermitApplication.class);
        a.getSupportingDocument().clear();
        a.setApplicationReference("MOEL-KZ-2026-" + UUID.randomUUID().toString().substring(0, 8));
        return a;
    }

    /** A Korean welder (ISCO 7212) hired by the Atyrau employer: STANDARD, one year at most. */
    public static WorkPermitApplication standardWelder() {
        WorkPermitApplication a = intraCorporateTransfer();
        a.setIntraCorporateTransfer(null);
        a.setRequestedCategory(PermitCategory.STANDARD);
        a.getPosition().getProfession().setIscoCode("7212");
        a.getPosition().getProfession().setJobTitle("Pipeline welder");
        a.getQualification().setEducationLevel(IscedLevel.ISCED_4);
        a.getQualification().setYearsOfExperience(6);
        a.getPosition().getEmploymentPeriod().setTo(LocalDate.of(2027, 2, 28));
        return a;
    }

    /** A software developer (ISCO 2512) for an Almaty IT company: SKILLS_VISA (IT). */
    public static WorkPermitApplication skillsVisaSoftwareDeveloper() {
        WorkPermitApplication a = standardWelder();
        a.setRequestedCategory(PermitCategory.SKILLS_VISA);
        a.getPosition().getProfession().setIscoCode("2512");
        a.getPosition().getProfession().setJobTitle("Software developer");
        a.getPosition().setSector(EconomicSector.J);
        regions(a, RegionCode.KZ_75);
        a.getQualification().setEducationLevel(IscedLevel.ISCED_6);
        a.getQualification().setYearsOfExperience(2);
        a.getPosition().getEmploymentPeriod().setTo(LocalDate.of(2029, 2, 28));
        return a;
    }

    /** An ethnic Kazakh from Uzbekistan with Kandas status, three and a half years asked: KANDAS, capped at 3 years. */
    public static WorkPermitApplication kandas() {
        WorkPermitApplication a = standardWelder();
        a.setRequestedCategory(PermitCategory.KANDAS);
        a.getApplicant().setCitizenship("UZB");
        a.getApplicant().getTravelDocument().setIssuingState("UZB");
        WorkPermitApplication.KandasStatus status = new WorkPermitApplication.KandasStatus();
        status.setCertificateNumber("KANDAS-2025-004417");
        status.setIssueDate(LocalDate.of(2025, 9, 1));
        a.setKandasStatus(status);
        a.getQualification().setEducationLevel(IscedLevel.ISCED_3);
        a.getQualification().setYearsOfExperience(0);
        a.getPosition().getEmploymentPeriod().setTo(LocalDate.of(2029, 8, 31));
        return a;
    }

    /** A refugee recognised in Kazakhstan, with a Convention travel document: REFUGEE_OR_STATELESS. */
    public static WorkPermitApplication refugee() {
        WorkPermitApplication a = standardWelder();
        a.setRequestedCategory(PermitCategory.REFUGEE_OR_STATELESS);
        a.getApplicant().setCitizenship("XXB");
        a.getApplicant().getTravelDocument().setKind(TravelDocumentKind.REFUGEE_TRAVEL_DOCUMENT);
        a.getApplicant().getTravelDocument().setIssuingState("KAZ");
        WorkPermitApplication.ProtectionStatus status = new WorkPermitApplication.ProtectionStatus();
        status.setKind(ProtectionStatusKind.REFUGEE);
        status.setCertificateNumber("RC-2024-000918");
        status.setIssuedBy("Migration Service, Ministry of Internal Affairs");
        status.setValidUntil(LocalDate.of(2026, 12, 31));
        a.setProtectionStatus(status);
        a.getQualification().setEducationLevel(IscedLevel.ISCED_2);
        a.getQualification().setYearsOfExperience(0);
        return a;
    }

    public static WorkPermitApplication regions(WorkPermitApplication a, RegionCode... regions) {
        a.getPosition().getRegions().getRegion().clear();
        a.getPosition().getRegions().getRegion().addAll(List.of(regions));
        return a;
    }

    /** The application as the exchange hands it over: from the partner, in a new conversation. */
    public static ReceivedDocument from(String partner, WorkPermitApplication application) {
        return Envelopes.received(partner, UUID.randomUUID().toString(), null, application);
    }
}
