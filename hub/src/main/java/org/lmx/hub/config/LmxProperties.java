package org.lmx.hub.config;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * The hub's own settings ({@code lmx.*}).
 *
 * @param dataDir  where the hub keeps its database, PKI, credentials and agreement files ({@code --lmx.data-dir})
 * @param hubParty the party the hub is ({@code KAZ:MLSP}); every document it receives is addressed to it
 * @param demo     install the demo agreements on first start (development)
 * @param crlUrl   the CRL distribution point written into the development PKI's certificates
 * @param outbox   how often and how much the dispatcher takes from the outbox
 * @param broker   the message broker of the domestic agencies: embedded (default) or external
 * @param push     the calls to push partners' endpoints
 * @param workPermit the work-permit process: its deadlines and the national quota it starts from
 * @param simulators simulated agencies and demo partner for the development setup (off by default)
 * @param quotaRefresh the quota-refresh process: its yearly start and whom its QuotaNotice goes to
 * @param contractVetting the contract-vetting process: the host countries' labour-law figures, who else gets results
 * @param consularProtection the consular-protection process: deadlines, parties, the host countries' ministries and
 *                   NGOs
 * @param production what the {@code production} profile reads besides its secrets (see hub/production)
 * @param statistics the statistics-report process: its monthly start and the statistics bureau it reports to
 * @param trust    the trust lifecycle: the expiry warning window, CRL fetching
 * @param observability the metrics read from the message log and the engine
 * @param retention  the daily purge of bodies and attachments past their agreement's retention
 * @param exchange   the Exchange service's SOAP endpoints: admission control of large calls
 */
@ConfigurationProperties("lmx")
public record LmxProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("KAZ:MLSP") String hubParty,
        @DefaultValue("true") boolean demo,
        @DefaultValue("http://localhost:8080/pki/crl/hub-ca.crl") URI crlUrl,
        @DefaultValue Outbox outbox,
        @DefaultValue Broker broker,
        @DefaultValue Push push,
        @DefaultValue WorkPermit workPermit,
        @DefaultValue Simulators simulators,
        @DefaultValue QuotaRefresh quotaRefresh,
        @DefaultValue ContractVetting contractVetting,
        @DefaultValue ConsularProtection consularProtection,
        @DefaultValue Production production,
        @DefaultValue Statistics statistics,
        @DefaultValue Trust trust,
        @DefaultValue Observability observability,
        @DefaultValue Retention retention,
        @DefaultValue Exchange exchange) {

    /**
     * The Exchange service's SOAP endpoints ({@code lmx.exchange.*}).
     *
     * @param admission the byte budget of calls in flight
     */
    public record Exchange(@DefaultValue Admission admission) {
    }

    /**
     * Admission control ({@code lmx.exchange.admission.*}): a call is parsed only while it holds its size (declared
     * Content-Length, or its bytes read when it declares none; at least 64 KiB) in a budget of bytes in flight, since
     * a DOM costs many times its document. A call larger than the budget is admitted alone.
     *
     * @param budget     the bytes of calls in flight at once; the heap they need is several times this
     * @param maxWait    how long a call waits for room before it is answered HTTP 503
     * @param retryAfter the {@code Retry-After} of that answer (whole seconds, rounded up)
     */
    public record Admission(@DefaultValue("32MB") DataSize budget, @DefaultValue("5s") Duration maxWait,
                            @DefaultValue("10s") Duration retryAfter) {

        public Admission {
            if (maxWait.isNegative() || retryAfter.isNegative()) {
                throw new IllegalArgumentException("lmx.exchange.admission.max-wait and retry-after must not be negative");
            }
        }
    }

    /**
     * Metrics computed from the message log and the engine ({@code lmx.observability.*}).
     *
     * @param stuckAfter   a message in a state that should move on by itself (inbound ACCEPTED; outbound QUEUED,
     *                     SENT, RETRYING) counts as stuck in {@code lmx_messages_stuck} once unchanged for this long
     * @param gaugeRefresh how old those counts (and the open cases per process) may be when scraped: one query per
     *                     period whatever the number of scrapes
     */
    public record Observability(@DefaultValue("PT15M") Duration stuckAfter, @DefaultValue("PT30S") Duration gaugeRefresh) {
    }

    /**
     * The statistics-report process ({@code lmx.statistics.*}): the monthly StatisticsReport for the month before.
     *
     * @param cron       when it starts, a Quartz-style cron read in {@code zone}; the default {@code 0 0 6 1W * ?} is
     *                   06:00 on the weekday nearest the 1st within the month (the first working day, holidays aside)
     * @param zone       the zone of the cron and of the months' bounds (midnight in Almaty)
     * @param recipient  the statistics bureau's party
     * @param preparedBy the office the report names as PreparedBy, or none
     */
    public record Statistics(@DefaultValue("0 0 6 1W * ?") String cron, @DefaultValue("Asia/Almaty") ZoneId zone,
                             @DefaultValue("KAZ:BNS") String recipient, String preparedBy) {
    }

    /**
     * The trust lifecycle ({@code lmx.trust.*}).
     *
     * @param expiringWithin a certificate ending within this window is EXPIRING (inventory, health warning)
     * @param crlTimeout     how long one CRL download may take: the most a message waits for a CRL server that is down
     * @param crlRetryAfter  how long a CRL location that failed is not asked again (messages meanwhile do without it)
     */
    public record Trust(@DefaultValue("P30D") Duration expiringWithin, @DefaultValue("5s") Duration crlTimeout,
                        @DefaultValue("5m") Duration crlRetryAfter) {
    }

    /**
     * The retention purge ({@code lmx.retention.*}): bodies and attachment contents past their agreement's
     * Retention/MessageBodies are purged by a daily job (safe on several nodes) and on an operator's request.
     *
     * @param enabled run the daily job (the REST purge works either way)
     * @param cron    when (Spring cron: second minute hour day month weekday), in {@code zone}
     * @param zone    the time zone of {@code cron}
     */
    public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 2 * * *") String cron,
                            @DefaultValue("Asia/Almaty") ZoneId zone) {
    }

    /**
     * The contract-vetting process ({@code lmx.contract-vetting.*}).
     *
     * @param consularService the party that gets every ContractVettingResult besides the sender (default KAZ:MFA)
     * @param contactEmail    the vetting office's e-mail address in the results, or none
     * @param contactPhone    its phone number (E.164), or none
     * @param hostCountries   the labour-law figures per host country (ISO 3166 alpha-3) that the rules compare
     *                        contracts with; a country without figures is vetted on the other rules only
     */
    public record ContractVetting(String consularService, String contactEmail, String contactPhone,
                                  @DefaultValue Map<String, HostCountry> hostCountries) {

        public ContractVetting {
            hostCountries = byCountry(hostCountries);
        }
    }

    /**
     * @param minimumMonthlyWage the statutory minimum gross wage for a month of full-time work
     * @param currency           its ISO 4217 code
     * @param maximumWeeklyHours the legal limit of normal weekly working hours
     */
    public record HostCountry(BigDecimal minimumMonthlyWage, String currency, BigDecimal maximumWeeklyHours) {
    }

    /**
     * The consular-protection process ({@code lmx.consular-protection.*}); durations are ISO-8601.
     *
     * @param informationResponse how long the host country's ministry has to answer an InformationRequest
     * @param reminder            how long after the reminder the case waits before it escalates to supervisors
     * @param consularService     the consul's party, who gets every CaseOutcome
     * @param migrationPolice     the party alerted at once of trafficking indicators
     * @param contactName         the office named as Contact in the hub's documents of a case
     * @param contactEmail        its e-mail address, or none
     * @param contactPhone        its phone number (E.164), or none
     * @param partners            per host country (ISO 3166 alpha-3): its labour ministry and an NGO cases may be
     *                            referred to, each a counterparty with an agreement of its own
     */
    public record ConsularProtection(@DefaultValue("P10D") Duration informationResponse,
                                     @DefaultValue("P5D") Duration reminder,
                                     @DefaultValue("KAZ:MFA") String consularService,
                                     @DefaultValue("KAZ:MIA") String migrationPolice,
                                     String contactName, String contactEmail, String contactPhone,
                                     @DefaultValue Map<String, ConsularPartner> partners) {

        public ConsularProtection {
            partners = byCountry(partners);
        }
    }

    /**
     * @param ministry the host country's labour ministry (e.g. ARE:MOHRE)
     * @param ngo      an NGO there that cases may be referred to (e.g. ARE:NGO-EWAS), or none
     */
    public record ConsularPartner(String ministry, String ngo) {
    }

    /** Country keys in upper case whatever the YAML wrote, so that {@code kor:} and {@code KOR:} mean the same. */
    private static <V> Map<String, V> byCountry(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((country, value) -> copy.put(country.toUpperCase(Locale.ROOT), value));
        }
        return Map.copyOf(copy);
    }

    /**
     * The {@code production} profile ({@code lmx.production.*}); the passwords themselves come from the environment
     * or the secrets file, never from here.
     *
     * @param secretsFile     an owner-only properties file of secrets (default: the environment's {@code LMX_SECRETS_FILE})
     * @param signingKeystore the hub's signing key and certificate, a PKCS#12 file (its password is the secret
     *                        {@code signing.keystore.password})
     * @param camundaAdmin    the Camunda administrator created at first start if Camunda has none (password: the
     *                        secret {@code camunda.admin.password})
     */
    public record Production(Path secretsFile, Path signingKeystore, @DefaultValue("lmx-admin") String camundaAdmin) {
    }

    /**
     * Simulated counterparties for the development setup ({@code lmx.simulators.*}): the agencies of the QUEUE
     * agreements and the push partners answer the hub's documents over their real transports, signing with their
     * development keys. Refused where the data directory has no development PKI.
     *
     * @param enabled         turn them on ({@code --lmx.simulators.enabled=true}); never in production
     * @param partnerEndpoint where the simulated push partners listen (a loopback http URL); default: the endpoints
     *                        of the push agreements ({@code http://localhost:8091/services/exchange12} in the demo)
     * @param identityHits    DEMO RULE: travel document numbers the simulated migration police answers with a HIT (a
     *                        closed prior overstay), so that a newcomer sees a flagged case go to supervisor approval;
     *                        default: {@code LBG0312874}, the stateless applicant of the committed samples
     */
    public record Simulators(@DefaultValue("false") boolean enabled, URI partnerEndpoint,
                             @DefaultValue("LBG0312874") List<String> identityHits) {

        public Simulators {
            identityHits = identityHits == null ? List.of() : List.copyOf(identityHits);
        }
    }

    /**
     * The quota-refresh process ({@code lmx.quota-refresh.*}).
     *
     * @param cron         when the yearly case for the next year starts, a Quartz-style cron (seconds first) read in
     *                     {@code zone}: 1 November 06:00 by default
     * @param zone         the zone of the cron and of "the next year"
     * @param agencies     ({@code notify}) the domestic agencies every QuotaNotice goes to (the partners whose
     *                     agreements carry quota shares get theirs in any case)
     * @param notifyAkimats also every regional akimat (KAZ:AKIMAT-*) that has an agreement in force
     * @param legalBasis   the order the notice names as its LegalBasis, or none
     */
    public record QuotaRefresh(@DefaultValue("0 0 6 1 11 ?") String cron, @DefaultValue("Asia/Almaty") ZoneId zone,
                               @Name("notify") @DefaultValue({"KAZ:MIA", "KAZ:BNS"}) List<String> agencies,
                               @DefaultValue("true") boolean notifyAkimats, String legalBasis) {

        public QuotaRefresh {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }

    /**
     * The work-permit process ({@code lmx.work-permit.*}). Deadlines are ISO-8601 durations ({@code P5D}, {@code PT4H}):
     * when one passes, the process escalates (ARCHITECTURE.md "Processes").
     *
     * @param identityCheck       how long the migration police (KAZ:MIA) has to answer the identity check
     * @param taxCheck            how long the state revenue (KAZ:SRC) has to answer on the employer's tax standing
     * @param qualificationCheck  how long the applicant's ministry has to verify the qualification
     * @param informationResponse how long the applicant has to answer a caseworker's request for information
     * @param contactName         the office the hub's requests and decisions name as Contact (default: the ministry's
     *                            labour-migration department)
     * @param contactEmail        its e-mail address, or none
     * @param contactPhone        its phone number (E.164), or none
     * @param quotas              the national quota, seeded into the quota ledger at start where the ledger has no
     *                            entry for that year, sector and region yet (until the quota-refresh process sets it)
     */
    public record WorkPermit(@DefaultValue("P5D") Duration identityCheck, @DefaultValue("P5D") Duration taxCheck,
                             @DefaultValue("P10D") Duration qualificationCheck,
                             @DefaultValue("P14D") Duration informationResponse,
                             String contactName, String contactEmail, String contactPhone,
                             @DefaultValue List<Quota> quotas) {

        public WorkPermit {
            quotas = quotas == null ? List.of() : List.copyOf(quotas);
        }
    }

    /**
     * Places of the national quota of foreign labour for one year, economic sector and region.
     *
     * @param sector the economic-activity section, a letter ({@code F}: construction)
     * @param region an ISO 3166-2:KZ subdivision ({@code KZ-75}: Almaty city)
     * @param places how many work permits may cover that region in that sector and year
     */
    public record Quota(int year, String sector, String region, int places) {
    }

    /**
     * @param connectTimeout how long a push partner's endpoint may take to accept the connection
     * @param receiveTimeout how long it may take to answer Submit; either way the attempt failed and is retried
     */
    public record Push(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration receiveTimeout) {
    }

    /**
     * @param pollMillis how often the dispatcher looks for accepted documents not yet dispatched
     * @param batch      how many it takes at a time
     */
    public record Outbox(@DefaultValue("500") long pollMillis, @DefaultValue("100") int batch) {
    }

    /**
     * @param embedded  run the hub's own Artemis broker (journal under the data directory); false: use {@code url}
     * @param host      where the embedded broker's acceptors listen (loopback unless an operator decides otherwise)
     * @param corePort  the embedded broker's Artemis Core acceptor (0: any free port)
     * @param amqpPort  the embedded broker's AMQP 1.0 acceptor (0: any free port)
     * @param url       an external broker (Artemis Core URL, e.g. {@code tcp://broker:61616}) when not embedded
     * @param user      the hub's user at the external broker
     * @param password  its password
     */
    public record Broker(@DefaultValue("true") boolean embedded, @DefaultValue("127.0.0.1") String host,
                         @DefaultValue("61616") int corePort, @DefaultValue("5672") int amqpPort,
                         String url, String user, String password) {
    }
}
