import Documents

/// A realistic act, as the act builders make them: a decision of the President of the
/// Département granting a PDESI aid, with its letterhead, visas, considérants, articles, the
/// criteria and amount tables, the mentions the law requires and the signature. The tests render
/// it, and `SampleWriter` writes it out to look at.
enum SampleAct {
    static let document = Document(
        title: "Décision n° PDESI-2020-001 — attribution d'une aide P.D.E.S.I.",
        letterhead: Letterhead(
            authority: "Département du Pas-de-Calais",
            sender: ["Direction des sports", "Service des sports de nature", "Affaire suivie par : Paul Lefebvre",
                     "03 21 00 00 00 — sports@departement.example"],
            references: [Field("N/Réf.", "PDESI-2020-001"), Field("Demande déposée le", "12 octobre 2020"),
                         Field("Objet", "Aide P.D.E.S.I. — sentier du littoral")],
            addressee: ["Monsieur le Maire", "Commune de Wimereux", "Hôtel de ville", "62930 Wimereux"]),
        blocks: [
            .actTitle(["Décision n° PDESI-2020-001", "portant attribution d'une aide à l'aménagement des Espaces, Sites et Itinéraires",
                       "inscrits au P.D.E.S.I. à la Commune de Wimereux"]),
            .paragraph("Le Président du Conseil départemental du Pas-de-Calais,", role: .operative),
            .paragraph("Vu le code général des collectivités territoriales, notamment son article L. 3211-2 ;", role: .visa),
            .paragraph("Vu le code des relations entre le public et l'administration, notamment ses articles L. 311-3-1 et R. 311-3-1-1 à R. 311-3-1-2 ;", role: .visa),
            .paragraph("Vu la délibération n° 2020-309 du Conseil départemental du 28 septembre 2020 relative au plan départemental des espaces, sites et itinéraires (P.D.E.S.I.) ;", role: .visa),
            .paragraph("Vu la délibération n° CP20201130-15 de la Commission permanente du Conseil départemental du 30 novembre 2020 ;", role: .visa),
            .paragraph("Vu la demande déposée le 12 octobre 2020 par la Commune de Wimereux et les pièces qui l'accompagnent ;", role: .visa),
            .paragraph("Considérant que le sentier du littoral de la pointe aux Oies est inscrit au P.D.E.S.I. en 1re catégorie et que la Commune de Wimereux est habilitée à en proposer l'aménagement ;", role: .considering),
            .paragraph("Considérant que le projet de sécurisation et de balisage répond aux enjeux de pérennisation de l'accès au lieu de pratique et de développement touristique du territoire ;", role: .considering),
            .paragraph("Considérant que l'aide demandée, de 50 % d'une dépense éligible de 60 000,00 € HT, n'excède pas le plafond annuel de 40 000,00 € par maître d'ouvrage ;", role: .considering),
            .paragraph("DÉCIDE :", role: .operative),
            .article(label: "Article 1er", paragraphs: [
                "Une aide d'un montant de " + .strong("30 000,00 €") + " est attribuée à la Commune de Wimereux au titre du dispositif « Aide à l'aménagement des Espaces, Sites et Itinéraires inscrits ou classés au P.D.E.S.I. », pour la sécurisation et le balisage du sentier du littoral de la pointe aux Oies.",
            ]),
            .article(label: "Article 2", paragraphs: [
                "Les critères d'éligibilité ont été appréciés comme suit :",
            ]),
            .table(Table(header: ["n°", "Critère", "Appréciation", "Texte"], rows: criteria, widths: [4, 46, 14, 36])),
            .article(label: "Article 3", paragraphs: [
                "Le montant de l'aide est calculé comme suit ; il est versé sur présentation des factures acquittées, dans un délai de deux ans à compter de la notification de la présente décision.",
            ]),
            .table(Table(header: ["Étape", "Calcul", "Montant"], rows: amounts, widths: [28, 52, 20])),
            .mention(title: "Voies et délais de recours", paragraphs: [
                "La présente décision peut faire l'objet d'un recours contentieux devant le tribunal administratif de Lille (5 rue Geoffroy Saint-Hilaire, CS 62039, 59014 Lille Cedex) dans un délai de deux mois à compter de sa notification. La requête est adressée au tribunal par l'application « Télérecours » (www.telerecours.fr).",
                "Elle peut aussi faire l'objet, dans le même délai, d'un recours gracieux auprès du Président du Conseil départemental, qui interrompt le délai du recours contentieux.",
            ]),
            .mention(title: "Traitement algorithmique", paragraphs: [
                "La présente décision a été prise sur le fondement d'un traitement algorithmique (article L. 311-3-1 du code des relations entre le public et l'administration). L'intéressé a le droit d'obtenir la communication des règles définissant ce traitement et des principales caractéristiques de sa mise en œuvre, en s'adressant au service instructeur.",
            ]),
            .signature(Signature(placeAndDate: "Fait à Arras, le 14 décembre 2020",
                                 title: ["Pour le Président du Conseil départemental", "et par délégation,", "La Vice-présidente chargée des sports,"],
                                 name: "Claire Martin")),
        ])

    private static let criteria: [[Text]] = [
        ["1", "La demande est déposée pendant la période d'application du dispositif (à compter du 9 octobre 2020).", "Rempli", "Délib. n° 2020-309, mentions de transmission"],
        ["2", "Le porteur est habilité à proposer l'inscription d'un E.S.I. au P.D.E.S.I.", "Rempli", "Délib. n° 2020-309, article 2"],
        ["3", "L'E.S.I. est inscrit (1re ou 2e catégorie) ou classé (3e catégorie) au P.D.E.S.I.", "Rempli", "Délib. n° 2020-309, article 2"],
        ["4", "Le projet respecte les normes réglementaires, environnementales et de sécurité.", "Rempli", "Délib. n° 2020-309, article 2"],
        ["5", "Le projet d'aménagement est validé par le propriétaire.", "Rempli", "Délib. n° 2020-309, article 2"],
        ["6", "Il existe un projet de développement et d'animation.", "Rempli", "Délib. n° 2020-309, article 2"],
        ["7", "Le projet répond à au moins un des enjeux du P.D.E.S.I.", "Rempli", "Délib. n° 2020-309, article 2"],
        ["8", "Pour un E.S.I. inscrit, le plafond annuel de 40 000,00 € par maître d'ouvrage n'est pas atteint.", "Rempli", "Délib. n° 2020-309, article 2"],
        ["9", "Pour un E.S.I. classé, aucun autre projet n'a déjà été aidé sur ce site.", "Sans objet", "Délib. n° 2020-309, article 2"],
    ]

    private static let amounts: [[Text]] = [
        ["Dépense éligible hors taxes", "Dépense d'investissement éligible déclarée, hors taxes", "60 000,00 € HT"],
        ["Taux de participation", "Taux fixé pour la catégorie de l'E.S.I.", "50 %"],
        ["Aide avant plafond", "50 % de la dépense éligible de 60 000,00 € HT", "30 000,00 €"],
        ["Plafond disponible", "40 000,00 € par maître d'ouvrage et par an, diminués des aides déjà attribuées dans l'année", "40 000,00 €"],
        ["Montant de l'aide", "Aide avant plafond, dans la limite du plafond disponible", "30 000,00 €"],
        [.strong("Montant retenu"), "Arrondi au centime le plus proche", .strong("30 000,00 €")],
    ]
}
