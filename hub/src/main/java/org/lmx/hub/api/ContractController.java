package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.lmx.hub.audit.AuditLog;
import org.lmx.processes.vetting.ContractRegister;
import org.lmx.processes.vetting.VettedContract;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of employment contracts abroad vetted by the contract-vetting process: operators, auditors and
 * consular officers read it. A contract names a citizen, so every read is audited, like the permit register's.
 */
@RestController
@Tag(name = "Contracts", description = "The register of citizens' employment contracts abroad, as vetted")
@SecurityRequirement(name = "basic")
class ContractController {

    static final String LIST = "contracts.list";
    static final String READ = "contract.read";

    private final ContractRegister register;
    private final AuditLog audit;

    ContractController(ContractRegister register, AuditLog audit) {
        this.register = register;
        this.audit = audit;
    }

    @GetMapping("/api/contracts")
    @Operation(summary = "A citizen's vetted contracts, newest first, by IIN or travel document number")
    List<VettedContract> list(@Parameter(description = "the citizen's IIN (12 digits) or travel document number,"
                                      + " e.g. N10452291") @RequestParam(required = false) String citizen,
                              Principal user) {
        String who = ApiParameters.filter(citizen);
        if (who == null) {
            throw ApiProblem.badRequest("parameter citizen (an IIN or a travel document number) is required");
        }
        List<VettedContract> contracts = register.listByCitizen(who);
        audit.record(user.getName(), LIST, who, "READ", contracts.size() + " contracts");
        return contracts;
    }

    @GetMapping("/api/contracts/{caseReference}")
    @Operation(summary = "One vetted contract by its case (CV-2026-000001): citizen, host country, employer, period,"
            + " verdict, flags, the officer who decided, the country information pack named in the result")
    VettedContract one(@PathVariable String caseReference, Principal user) {
        VettedContract contract = register.find(caseReference).orElse(null);
        audit.record(user.getName(), READ, caseReference, contract == null ? "NOT_FOUND" : "READ",
                contract == null ? "no such case" : "verdict " + contract.verdict());
        if (contract == null) {
            throw ApiProblem.notFound("no vetted contract of case " + caseReference);
        }
        return contract;
    }
}
