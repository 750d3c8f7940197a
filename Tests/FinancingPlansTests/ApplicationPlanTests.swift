import ExactDecimal
import FinancingPlans
import Platform
import Testing
import TestSupport

/// An application's financing plan: balance, declared shares, and the minimal participation of a
/// public maître d'ouvrage (CGCT L. 1111-10, III: 20 % of the funding brought by public persons).
@Suite struct ApplicationPlanTests {
    static func plan(_ yaml: String) throws -> ApplicationPlan {
        let folder = try TemporaryFolder("application-plan")
        try OwnerOnlyFile.write(yaml, to: folder.file("plan.yaml"))
        guard case .application(let plan) = try PlanFile.load(path: folder.file("plan.yaml")).get() else {
            throw NotAnApplicationPlan()
        }
        return plan
    }

    static func yaml(owner: String = "{name: Commune d'essai, public: true}", own: String = "20 000 €", extra: String = "") -> String {
        """
        title: Essai
        owner: \(owner)
        expenses:
          - {label: Travaux, ht: 100 000 €, ttc: 120 000 €}
        resources:
          - {funder: Département, kind: departement, amount: 50 000 €}
          - {funder: État, kind: etat, amount: 30 000 €}
          - {funder: Commune d'essai, kind: fonds-propres, amount: \(own)}
        checks:
          - {label: le Département finance au plus 50 %, rule: at-most, kind: departement, rate: 50 %}
        \(extra)
        """
    }

    @Test func aBalancedPlanWithTwentyPercentOfOwnFundsIsConsistent() throws {
        #expect(ApplicationPlanChecker.check(try Self.plan(Self.yaml())).isEmpty)
    }

    @Test func ownFundsBelowTwentyPercentOfPublicFundingBreakTheLaw() throws {
        // 10 000 € of own funds: balance broken too, so give the State 10 000 € more.
        let yaml = Self.yaml(own: "10 000 €").replacing("amount: 30 000 €", with: "amount: 40 000 €")
        let findings = ApplicationPlanChecker.check(try Self.plan(yaml))
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.severity == .error && finding.path == "resources")
        #expect(finding.plain.contains("10 000,00 €, soit 10,0 % des financements apportés par des personnes publiques (100 000,00 €)"), "\(finding.message)")
        #expect(finding.plain.contains("L. 1111-10") && finding.plain.contains("(il manque 10 000,00 €)"))
    }

    @Test func privateFundingDoesNotCountAmongPublicFunding() throws {
        // 15 000 € of own funds and 25 000 € from a private sponsor: 15 000 / 75 000 = 20 %.
        let yaml = Self.yaml(own: "15 000 €").replacing("amount: 30 000 €", with: "amount: 10 000 €")
            .replacing("  - {funder: Commune", with: "  - {funder: Mécène, kind: prive, amount: 25 000 €}\n  - {funder: Commune")
        #expect(ApplicationPlanChecker.check(try Self.plan(yaml)).isEmpty)
    }

    @Test func aPrivateOwnerIsNotBoundByTheRule() throws {
        let yaml = Self.yaml(owner: "{name: Association d'essai, public: false}", own: "10 000 €").replacing("amount: 30 000 €", with: "amount: 40 000 €")
        #expect(ApplicationPlanChecker.check(try Self.plan(yaml)).isEmpty)
    }

    @Test func anInvokedDerogationLeavesTheRuleToAPerson() throws {
        let yaml = Self.yaml(own: "10 000 €", extra: "derogation: monument protégé, dérogation du préfet").replacing("amount: 30 000 €", with: "amount: 40 000 €")
        let findings = ApplicationPlanChecker.check(try Self.plan(yaml))
        #expect(findings.count == 1 && findings[0].severity == .warning && findings[0].path == "derogation", "\(findings)")
        #expect(findings[0].message.contains("« monument protégé, dérogation du préfet »"))
    }

    @Test func anUnbalancedPlanAndAShareAboveItsRateAreFound() throws {
        let yaml = Self.yaml().replacing("amount: 50 000 €", with: "amount: \"50 000,01 €\"")
        let findings = ApplicationPlanChecker.check(try Self.plan(yaml))
        #expect(findings.contains { $0.plain.contains("les ressources, 100 000,01 €, ne sont pas égales aux dépenses HT, 100 000,00 € (écart 0,01 €)") }, "\(findings)")
        #expect(findings.contains { $0.path == "checks[0]" && $0.plain.contains("Département : 50 000,01 €, au-dessus de 50 % des dépenses HT, soit 50 000,00 €") })
    }

    @Test func aTTCBasisCountsTheExpensesWithTax() throws {
        let yaml = Self.yaml(extra: "basis: TTC")
        let findings = ApplicationPlanChecker.check(try Self.plan(yaml))
        #expect(findings.contains { $0.plain.contains("dépenses TTC, 120 000,00 € (écart 20 000,00 €)") }, "\(findings)")
    }

    @Test func aPlanFileThatCannotBeReadSaysWhere() throws {
        let folder = try TemporaryFolder("application-plan")
        try OwnerOnlyFile.write("title: Essai\nowner: {name: X, public: oui}\nexpenses: [{label: A, ht: \"60,000\"}]\nresources: [{funder: B, kind: mecene, amount: 1 €}]\n",
                                to: folder.file("plan.yaml"))
        guard case .failure(let failure) = PlanFile.load(path: folder.file("plan.yaml")) else {
            Issue.record("read")
            return
        }
        let paths = failure.findings.compactMap(\.path)
        #expect(paths.contains("owner.public") && paths.contains("expenses[0].ht") && paths.contains("resources[0].kind"), "\(failure.findings)")
    }

    @Test func theSamplePlansOfThePDESIApplicationsAreCheckedAsDocumented() throws {
        func findings(_ name: String) throws -> [PlanFinding] {
            guard case .application(let plan) = try PlanFile.load(path: Repository.path("Rules/plans/demandes/\(name).yaml")).get() else { return [] }
            return ApplicationPlanChecker.check(plan)
        }
        #expect(try findings("pdesi-2020-001-wimereux").isEmpty)
        #expect(try findings("pdesi-2020-002-deux-caps").map(\.severity) == [.error])
        #expect(try findings("pdesi-2020-003-lumbres").map(\.severity) == [.error, .warning])
    }
}

struct NotAnApplicationPlan: Error {}

/// The plan's Département share against the aid the scheme computes for its application.
@Suite struct PlanAidAgreementTests {
    static func plan() throws -> ApplicationPlan {
        try ApplicationPlanTests.plan(ApplicationPlanTests.yaml().replacing("title: Essai", with: "title: Essai\napplication: PDESI-2020-099"))
    }

    @Test func theComputedAidIsThePlansShare() throws {
        let findings = ApplicationPlanChecker.agreement(try Self.plan(), computedAid: DecimalNumber(50_000), outcome: "favorable")
        #expect(findings.count == 1 && findings[0].severity == .note, "\(findings)")
    }

    @Test func aPlanCountingMoreThanTheAidIsNotFunded() throws {
        let findings = ApplicationPlanChecker.agreement(try Self.plan(), computedAid: DecimalNumber(40_000), outcome: "favorable")
        #expect(findings.count == 1 && findings[0].severity == .error, "\(findings)")
        #expect(findings[0].plain.contains("le plan compte 50 000,00 € du Département, plus que l'aide calculée pour la demande PDESI-2020-099 (« favorable »), 40 000,00 € (écart 10 000,00 €)"))
    }

    @Test func aPlanCountingLessThanTheAidIsToBeReconciled() throws {
        let findings = ApplicationPlanChecker.agreement(try Self.plan(), computedAid: DecimalNumber(60_000), outcome: "à instruire")
        #expect(findings.count == 1 && findings[0].severity == .warning && findings[0].plain.contains("moins que l'aide calculée"), "\(findings)")
    }

    @Test func noAidComputedIsSaid() throws {
        let findings = ApplicationPlanChecker.agreement(try Self.plan(), computedAid: nil, outcome: "incomplet")
        #expect(findings.count == 1 && findings[0].severity == .warning && findings[0].plain.contains("la demande PDESI-2020-099 est « incomplet »"), "\(findings)")
    }
}
