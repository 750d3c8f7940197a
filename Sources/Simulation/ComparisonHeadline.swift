import ExactDecimal
import SchemeLanguage

extension ReformComparison {
    /// The comparison in a few French sentences: what each reform costs against today, what B
    /// costs against A, the applications aided in the three cases, and each call's laureates.
    /// `pairs` are each scheme's impacts under A and under B.
    static func headline(_ pairs: [(a: SchemeImpact, b: SchemeImpact)]) -> [String] {
        var today = DecimalNumber.zero, withA = DecimalNumber.zero, withB = DecimalNumber.zero
        do throws(DecimalError) {
            for pair in pairs {
                today = try today.adding(pair.a.total.before)
                withA = try withA.adding(pair.a.total.after)
                withB = try withB.adding(pair.b.total.after)
            }
        } catch {
            return ["Les montants des dispositifs ne peuvent s'additionner exactement : voir chaque dispositif ci-dessous."]
        }
        var lines = [cost("A", today: today, reformed: withA), cost("B", today: today, reformed: withB)]
        lines.append(versus(withA, withB))
        let aided = pairs.reduce((today: 0, a: 0, b: 0)) { sum, pair in
            (sum.today + pair.a.aided.before, sum.a + pair.a.aided.after, sum.b + pair.b.aided.after)
        }
        lines.append("Demandes aidées : \(FrenchFormat.count(aided.today)) aujourd'hui, \(FrenchFormat.count(aided.a)) avec la réforme A "
                     + "(\(FrenchFormat.signedCount(aided.a - aided.today))) et \(FrenchFormat.count(aided.b)) avec la réforme B "
                     + "(\(FrenchFormat.signedCount(aided.b - aided.today))).")
        for pair in pairs {
            guard let callA = pair.a.call, let callB = pair.b.call, callA.selected, callB.selected else { continue }
            let laureates = { (count: Int) in FrenchFormat.count(count, "lauréat") }
            lines.append("Appel à projets « \(pair.a.title) » : \(laureates(callA.before.retained)) aujourd'hui "
                         + "(\(FrenchFormat.money(callA.before.used)) accordés), \(laureates(callA.after.retained)) avec la réforme A "
                         + "(\(FrenchFormat.money(callA.after.used))) et \(laureates(callB.after.retained)) avec la réforme B "
                         + "(\(FrenchFormat.money(callB.after.used))) ; pour financer tous les projets admissibles, il faudrait "
                         + "une enveloppe de \(FrenchFormat.money(callA.before.needed)) aujourd'hui, de \(FrenchFormat.money(callA.after.needed)) "
                         + "avec la réforme A et de \(FrenchFormat.money(callB.after.needed)) avec la réforme B.")
        }
        return lines
    }

    /// One reform's cost against today, for a year of applications like the portfolio's.
    private static func cost(_ letter: String, today: DecimalNumber, reformed: DecimalNumber) -> String {
        guard let difference = try? reformed.subtracting(today) else {
            return "L'écart de la réforme \(letter) aux règles actuelles ne peut se calculer exactement."
        }
        let percent = ReformImpact.percent(difference, of: today).map { " (\(FrenchFormat.signedPercent($0, minimumFractionDigits: 1)))" } ?? ""
        let range = "les montants accordés passent de \(FrenchFormat.money(today)) à \(FrenchFormat.money(reformed))"
        if difference > .zero {
            return "La réforme \(letter) coûte \(FrenchFormat.money(difference)) de plus par an qu'aujourd'hui\(percent) : \(range)."
        }
        if difference < .zero {
            return "La réforme \(letter) coûte \(FrenchFormat.money(difference.negated())) de moins par an qu'aujourd'hui\(percent) : \(range)."
        }
        return "La réforme \(letter) ne change pas le total des montants accordés : \(FrenchFormat.money(today)) par an."
    }

    /// B against A: what choosing B rather than A costs.
    private static func versus(_ withA: DecimalNumber, _ withB: DecimalNumber) -> String {
        guard let difference = try? withB.subtracting(withA) else {
            return "L'écart entre les deux réformes ne peut se calculer exactement."
        }
        let totals = "(\(FrenchFormat.money(withA)) accordés avec la réforme A, \(FrenchFormat.money(withB)) avec la réforme B)"
        if difference > .zero {
            return "La réforme B coûte \(FrenchFormat.money(difference)) de plus par an que la réforme A \(totals)."
        }
        if difference < .zero {
            return "La réforme B coûte \(FrenchFormat.money(difference.negated())) de moins par an que la réforme A \(totals)."
        }
        return "Les deux réformes coûtent autant : \(FrenchFormat.money(withA)) accordés par an avec l'une comme avec l'autre."
    }
}
