extension DecisionRow {
    /// A column of the `decision` table, as the code that reads rows names it: its position in
    /// a query's rows is then found in an array (`Columns.positions`) rather than by hashing its
    /// name, which a history paid for every value of every row.
    enum Column: Int, CaseIterable {
        case id, scheme, application, filed, outcome, amount, months, beneficiary, rulesHash, inputHash,
             decisionFile, current, stage, referenceDate, actBody, actReference, actDate, notifiedOn,
             proposedAmount, documentHash, note, withdrawalGround, proposalRank, actor, recordedAt, htmlHash,
             odtHash, beneficiaryName, beneficiaryID, subject, decidedOrder

        /// Its name in the table.
        var name: String {
            switch self {
            case .id: "id"
            case .scheme: "scheme"
            case .application: "application"
            case .filed: "filed"
            case .outcome: "outcome"
            case .amount: "amount"
            case .months: "months"
            case .beneficiary: "beneficiary"
            case .rulesHash: "rules_sha256"
            case .inputHash: "input_sha256"
            case .decisionFile: "decision_file"
            case .current: "current"
            case .stage: "stage"
            case .referenceDate: "reference_date"
            case .actBody: "act_body"
            case .actReference: "act_reference"
            case .actDate: "act_date"
            case .notifiedOn: "notified_on"
            case .proposedAmount: "proposed_amount"
            case .documentHash: "document_sha256"
            case .note: "note"
            case .withdrawalGround: "withdrawal_ground"
            case .proposalRank: "proposal_rank"
            case .actor: "actor"
            case .recordedAt: "recorded_at"
            case .htmlHash: "html_sha256"
            case .odtHash: "odt_sha256"
            case .beneficiaryName: "beneficiary_name"
            case .beneficiaryID: "beneficiary_id"
            case .subject: "subject"
            case .decidedOrder: "decided_order"
            }
        }
    }
}
