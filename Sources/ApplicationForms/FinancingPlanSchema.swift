import FinancingPlans
import SchemeLanguage

/// The `financing_plan` of an application file, for a scheme that reads one: expenses HT/TTC and
/// resources by funder and kind, as `FinancingPlans` reads them (Rules/plans/README.md).
enum FinancingPlanSchema {
    static func schema(funder: ApplicationPlan.FunderKind) -> JSON {
        let text = JSON.object([("type", .string("string"))])
        let kinds = ValueSchemas.choice(ApplicationPlan.FunderKind.allCases.map { ($0.rawValue, $0.label) })
        let expense = object(["label", "ht"], [("label", text), ("ht", ValueSchemas.money), ("ttc", ValueSchemas.money)])
        let resource = object(["funder", "kind", "amount"], [("funder", text), ("kind", kinds), ("amount", ValueSchemas.money)])
        return ApplicationSchema.field(
            "Plan de financement",
            "Les dépenses du projet (HT et TTC) et ses ressources par financeur ; les lignes « \(funder.rawValue) » sont l'aide demandée au dispositif.",
            [("type", .string("object")), ("required", .array([.string("expenses"), .string("resources")])),
             ("properties", .object([
                ("public_owner", ApplicationSchema.field("Maître d'ouvrage public", "true pour une collectivité ou un groupement de collectivités ; par défaut, déduit de la nature du demandeur.",
                                                         [("type", .string("boolean"))])),
                ("basis", ApplicationSchema.field("Base des ressources", "HT (par défaut) ou TTC : les ressources égalent les dépenses sur cette base.",
                                                  [("enum", .array([.string("HT"), .string("TTC")]))])),
                ("derogation", ApplicationSchema.field("Dérogation invoquée", "La dérogation à la participation minimale du maître d'ouvrage public qu'invoque le demandeur.", [("type", .string("string"))])),
                ("expenses", ApplicationSchema.field("Dépenses", nil, [("type", .string("array")), ("minItems", .integer(1)), ("items", expense)])),
                ("resources", ApplicationSchema.field("Ressources", nil, [("type", .string("array")), ("minItems", .integer(1)), ("items", resource)])),
             ])),
             ("additionalProperties", .boolean(false))])
    }

    private static func object(_ required: [String], _ properties: [(String, JSON)]) -> JSON {
        .object([("type", .string("object")), ("required", .array(required.map(JSON.string))),
                 ("properties", .object(properties)), ("additionalProperties", .boolean(false))])
    }
}
